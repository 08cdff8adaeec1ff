namespace Mielto.Client;

/// <summary>
/// What an upload did, item by item. A partial failure, or even a total one the server reports in its body, is this
/// result, not an exception: check <see cref="Failed"/>. Totals the server leaves out are counted from the items.
/// </summary>
public sealed record UploadResult
{
    /// <summary>How it went as a whole: <see cref="UploadStatus.Success"/>, <see cref="UploadStatus.PartialSuccess"/> or <see cref="UploadStatus.Failed"/>.</summary>
    public required UploadStatus Status { get; init; }

    /// <summary>Every item, in the order the server reported them.</summary>
    public required IReadOnlyList<UploadedContent> Contents { get; init; }

    /// <summary>How many items there were.</summary>
    public required int TotalUploads { get; init; }

    /// <summary>How many were uploaded.</summary>
    public required int SuccessfulUploads { get; init; }

    /// <summary>How many failed.</summary>
    public required int FailedUploads { get; init; }

    /// <summary>The collection, when the server named it.</summary>
    public string? CollectionId { get; init; }

    /// <summary>The items that were uploaded.</summary>
    public IReadOnlyList<UploadedContent> Succeeded => [.. Contents.Where(static c => c.Succeeded)];

    /// <summary>The items that failed, each with its <see cref="UploadedContent.Error"/>.</summary>
    public IReadOnlyList<UploadedContent> Failed => [.. Contents.Where(static c => !c.Succeeded)];

    /// <summary>The ids of the contents made, to follow with <see cref="IContentsClient.WaitForIngestionAsync"/>.</summary>
    public IReadOnlyList<string> ContentIds => [.. Contents.Where(static c => c.Succeeded && c.Id is not null).Select(static c => c.Id!)];
}
