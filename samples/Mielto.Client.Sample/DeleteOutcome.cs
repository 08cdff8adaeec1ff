using System.Text.Json;

namespace Mielto.Client.Sample;

/// <summary>The outcome of deleting one memory id.</summary>
internal sealed record DeleteOutcome(string MemoryId, OutcomeKind Kind, string? Message = null, string? ErrorType = null, int ExitCode = ExitCodes.Success)
{
    public static DeleteOutcome Failure(string memoryId, Exception error) => error switch
    {
        MemoryNotFoundException notFound => new(memoryId, OutcomeKind.NotFound, notFound.Detail ?? "not found", CliErrors.Kind(error), ExitCodes.NotFound),
        MieltoApiException api => new(memoryId, OutcomeKind.Failed, $"{(int)api.StatusCode}: {api.Detail ?? "no detail"}", CliErrors.Kind(error), ExitCodes.For(error)),
        _ => new(memoryId, OutcomeKind.Failed, CliErrors.Describe(error), CliErrors.Kind(error), ExitCodes.For(error)),
    };

    public string Label => LabelOf(Kind);

    public static string LabelOf(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Deleted => "deleted",
        OutcomeKind.Absent => "absent",
        OutcomeKind.NotFound => "not found",
        OutcomeKind.Failed => "failed",
        OutcomeKind.Cancelled => "cancelled",
        _ => "not attempted",
    };

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("memory_id", MemoryId);
        writer.WriteString("outcome", Label.Replace(' ', '_'));
        if (Message is not null)
        {
            writer.WriteString("message", Message);
        }

        if (ErrorType is not null)
        {
            writer.WriteString("error", ErrorType);
        }

        writer.WriteEndObject();
    }

    public override string ToString() => Message is null ? $"{Label,-13} {MemoryId}" : $"{Label,-13} {MemoryId}  {Message}";
}
