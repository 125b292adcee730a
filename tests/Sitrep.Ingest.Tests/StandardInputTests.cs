using System.Text;
using Sitrep.Ingest;
using Xunit;

namespace Sitrep.Ingest.Tests;

/// <summary>
/// Standard input's stream is set per flow of work: a command that gives its own (ingest's stoppable stream, a test's
/// bytes) never hands it to another command running beside it in the same process.
/// </summary>
public sealed class StandardInputTests
{
    [Fact]
    public async Task A_flow_s_own_standard_input_is_not_seen_by_another_flow()
    {
        var set = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Func<Stream> mine = () => new MemoryStream(Encoding.UTF8.GetBytes("title: mine\n\nbody"));

        // Started before this flow sets its stream: like a second command already running.
        var other = Task.Run(async () =>
        {
            await set.Task;
            return FileLoader.OpenStandardInput;
        });
        var previous = FileLoader.OpenStandardInput;
        try
        {
            FileLoader.OpenStandardInput = mine;
            set.SetResult();
            Assert.NotSame(mine, await other);

            // Work this flow starts after setting it reads its stream.
            var (text, error) = await Task.Run(() => FileLoader.ReadText(ReportInputs.StandardInput));
            Assert.Null(error);
            Assert.Equal("title: mine\n\nbody", text);
        }
        finally
        {
            FileLoader.OpenStandardInput = previous;
        }
    }
}
