using System.Collections.Immutable;
using System.Text.Json;
using Sitrep.Extraction.Output;
using Sitrep.Ingest;
using Sitrep.Storage;

namespace Sitrep.Ledger;

/// <summary>What storing reports sent as one body did: each report's admission, and the readers' problem if some could not be read.</summary>
public sealed record IntakeResult(ImmutableArray<Admission> Admissions, ReadError? Error)
{
    public int New => Admissions.Count(a => a.Status == AdmissionStatus.New);

    public int NewVersions => Admissions.Count(a => a.Status == AdmissionStatus.NewVersion);

    public int Known => Admissions.Count(a => a.Status == AdmissionStatus.Known);
}

/// <summary>
/// Stores reports that arrive as text in memory (an HTTP body, a message) rather than as files: read by the same readers
/// as <c>sitrep ingest</c> (a text report with its header, HTML, JSON or JSON Lines, a feed), extracted, and saved in one
/// transaction, so a body is stored whole or not at all. A report already stored is not stored again.
/// </summary>
public static class ReportIntake
{
    public static async Task<IntakeResult> IngestAsync(IEventStore store, LedgerExtractor extractor, string text, ReportFormat format, string origin, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(extractor);
        var id = "r-" + ContentHash.Of(text)[..12];
        var read = ReportReader.Parse(origin, id, text, format);
        if (read.Articles.IsEmpty)
        {
            return new IntakeResult([], read.Error ?? ErrorCatalogue.Empty(origin));
        }

        var extractions = extractor.ExtractAll(read.Articles, Math.Min(Environment.ProcessorCount, 4));
        var batch = read.Articles.Select((a, i) => new ReportSubmission(a, ContentHash.Of(a.Text), origin, extractions[i], extractor.Name)).ToList();
        var admissions = await store.SaveAsync(batch, cancellationToken).ConfigureAwait(false);
        return new IntakeResult([.. admissions], read.Error);
    }
}

/// <summary>The JSON answer to stored reports: each report's id, whether it was new, a new version or known, and the readers' problem.</summary>
public static class IntakeFormats
{
    public static void WriteJson(Utf8JsonWriter w, IntakeResult result)
    {
        w.WriteStartObject();
        w.WriteNumber("new", result.New);
        w.WriteNumber("new_versions", result.NewVersions);
        w.WriteNumber("known", result.Known);
        w.WriteStartArray("reports");
        foreach (var a in result.Admissions)
        {
            w.WriteStartObject();
            if (a.ReportId is { } id)
            {
                w.WriteNumber("id", id);
            }
            else
            {
                w.WriteNull("id");
            }

            w.WriteString("status", a.Status switch { AdmissionStatus.New => "new", AdmissionStatus.NewVersion => "new_version", _ => "known" });
            w.WriteNumber("version", a.Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (result.Error is { } e)
        {
            w.WriteStartObject("problem");
            w.WriteString("code", e.Code);
            w.WriteString("message", e.Message);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("problem");
        }

        w.WriteEndObject();
    }
}
