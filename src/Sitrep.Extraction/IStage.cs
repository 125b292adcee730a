using System.Collections.Immutable;

namespace Sitrep.Extraction;

/// <summary>
/// One step of the pipeline: reads the layers it <see cref="Requires"/> and returns the mentions of the
/// layer it <see cref="Produces"/>. Stages are stateless after construction and safe to share across threads.
/// </summary>
public interface IStage
{
    /// <summary>A stable name, used in diagnostics and in each mention's rule.</summary>
    string Name { get; }

    ImmutableArray<string> Requires { get; }

    string Produces { get; }

    ImmutableArray<Mention> Run(Document document);
}
