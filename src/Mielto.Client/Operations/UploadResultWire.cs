using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>
/// An upload's answer in any of its known shapes: the SDKs' <c>status</c>, <c>contents</c> and totals; the docs'
/// <c>uploads</c> and <c>errors</c>; an error list of <c>{name, error}</c> or of content objects.
/// </summary>
internal sealed record UploadResultWire
{
    [JsonPropertyName("status")]
    public UploadStatus? Status { get; init; }

    [JsonPropertyName("contents")]
    public IReadOnlyList<UploadedContent>? Contents { get; init; }

    [JsonPropertyName("uploads")]
    public IReadOnlyList<UploadedContent>? Uploads { get; init; }

    [JsonPropertyName("errors")]
    public JsonElement? Errors { get; init; }

    [JsonPropertyName("total_uploads")]
    public int? TotalUploads { get; init; }

    [JsonPropertyName("successful_uploads")]
    public int? SuccessfulUploads { get; init; }

    [JsonPropertyName("failed_uploads")]
    public int? FailedUploads { get; init; }

    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>True when it holds anything an upload's answer has.</summary>
    public bool IsUploadResult => (Status is not null || Contents is not null || Uploads is not null) && !(Contents ?? Uploads ?? []).Contains(null!);

    /// <summary>The result: the items, with every reported error that no item carries added as a failed item, and the totals the server left out counted.</summary>
    public UploadResult ToResult()
    {
        var items = new List<UploadedContent>(Contents ?? Uploads ?? []);
        if (Errors is { ValueKind: JsonValueKind.Array } errors)
        {
            foreach (var error in errors.EnumerateArray())
            {
                if (error.ValueKind == JsonValueKind.Object && Text(error, "error") is { } message)
                {
                    var name = Text(error, "name");
                    if (!items.Exists(i => i.Error is not null && string.Equals(i.Name, name, StringComparison.Ordinal)))
                    {
                        items.Add(new UploadedContent { Name = name, Error = message });
                    }
                }
            }
        }

        var failed = items.Count(static i => !i.Succeeded);
        var succeeded = items.Count - failed;
        return new UploadResult
        {
            Status = Status is { } status && status.ToString().Length > 0
                ? status
                : (succeeded, failed) switch { (_, 0) => UploadStatus.Success, (0, _) => UploadStatus.Failed, _ => UploadStatus.PartialSuccess },
            Contents = items,
            TotalUploads = TotalUploads ?? items.Count,
            SuccessfulUploads = SuccessfulUploads ?? succeeded,
            FailedUploads = FailedUploads ?? failed,
            CollectionId = CollectionId,
        };
    }

    private static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) ? value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => value.GetRawText(),
        } : null;
}
