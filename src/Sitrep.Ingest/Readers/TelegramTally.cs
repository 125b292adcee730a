namespace Sitrep.Ingest.Readers;

/// <summary>
/// What reading (part of) a Telegram export found: messages read, the reports they gave (one per message with text),
/// service messages (joins, pins, title changes) and messages without text (a photo, a sticker, a poll) skipped, and
/// messages that could not be read. <c>Messages = Reports + Service + NoText + Failed</c>.
/// </summary>
public readonly record struct TelegramTally(long Messages, long Reports, long Service, long NoText, long Failed)
{
    public static TelegramTally operator +(TelegramTally a, TelegramTally b) =>
        new(a.Messages + b.Messages, a.Reports + b.Reports, a.Service + b.Service, a.NoText + b.NoText, a.Failed + b.Failed);
}
