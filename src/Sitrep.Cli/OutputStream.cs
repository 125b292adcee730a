namespace Sitrep.Cli;

/// <summary>
/// Standard output as a stream whose write errors (a full disk, a closed file: <c>sitrep extract &gt; /dev/full</c>)
/// surface as one <see cref="OutputException"/>, which <c>Main</c> turns into one line and exit code 1, not a stack trace.
/// Not an <see cref="IOException"/>, so that no command's handling of its own files mistakes it for theirs.
/// </summary>
internal sealed class OutputStream(Stream inner) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Guard(() => inner.Write(buffer, offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (IOException e)
        {
            throw new OutputException(e);
        }
    }

    public override void Flush() => Guard(inner.Flush);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private static void Guard(Action write)
    {
        try
        {
            write();
        }
        catch (IOException e)
        {
            throw new OutputException(e);
        }
    }
}

/// <summary>Standard output could not be written; the inner exception says why.</summary>
internal sealed class OutputException(IOException inner) : Exception("standard output could not be written", inner);
