namespace Sitrep.Cli;

/// <summary>
/// A read-only stream (standard input) whose reads give up when <paramref name="stop"/> fires: a read blocked on a pipe
/// that never ends (<c>sleep 1d | sitrep ingest -</c>) or a terminal nobody types into then throws an
/// <see cref="IOException"/> ("stopped"), which the reader reports for that input, and the command can stop on SIGTERM
/// or Ctrl-C. The blocked system read is left behind on its thread, which ends with the process.
/// </summary>
internal sealed class StoppableStream(Stream inner, CancellationToken stop) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        try
        {
            stop.ThrowIfCancellationRequested();
            var read = Task.Run(() => inner.Read(buffer, offset, count), CancellationToken.None).WaitAsync(stop).GetAwaiter().GetResult();

            // A signal may also cut the system read short (SIGINT: 0 bytes, as if the input ended): not an empty input.
            stop.ThrowIfCancellationRequested();
            return read;
        }
        catch (OperationCanceledException e) when (stop.IsCancellationRequested)
        {
            throw new IOException("stopped (a signal) before the input ended", e);
        }
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !stop.IsCancellationRequested)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
