using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// What an upload did, item by item. A partial failure, or even a total one the server reports in its body, is this
/// result, not an exception: check <see cref="Failed"/>. Totals the server leaves out are counted from the items.
/// </summary>
public sealed record UploadResult
{
    /// <summary>How it went as a whole: <see cref="UploadStatus.Success"/>, <see cref="UploadStatus.PartialSuccess"/> or <see cref="UploadStatus.Failed"/>.</summary>
    [JsonPropertyName("status")]
    public required UploadStatus Status { get; init; }

    /// <summary>Every item, in the order the server reported them.</summary>
    [JsonPropertyName("contents")]
    public required IReadOnlyList<UploadedContent> Contents { get; init; }

    /// <summary>How many items there were.</summary>
    [JsonPropertyName("total_uploads")]
    public required int TotalUploads { get; init; }

    /// <summary>How many were uploaded.</summary>
    [JsonPropertyName("successful_uploads")]
    public required int SuccessfulUploads { get; init; }

    /// <summary>How many failed.</summary>
    [JsonPropertyName("failed_uploads")]
    public required int FailedUploads { get; init; }

    /// <summary>The collection, when the server named it.</summary>
    [JsonPropertyName("collection_id")]
    public string? CollectionId { get; init; }

    /// <summary>The items that were uploaded.</summary>
    [JsonIgnore]
    public IReadOnlyList<UploadedContent> Succeeded => [.. Contents.Where(static c => c.Succeeded)];

    /// <summary>The items that failed, each with its <see cref="UploadedContent.Error"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<UploadedContent> Failed => [.. Contents.Where(static c => !c.Succeeded)];

    /// <summary>The ids of the contents made, to follow with <see cref="IContentsClient.WaitForIngestionAsync"/>.</summary>
    [JsonIgnore]
    public IReadOnlyList<string> ContentIds => [.. Contents.Where(static c => c.Succeeded && c.Id is not null).Select(static c => c.Id!)];
}
