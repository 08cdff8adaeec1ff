namespace Mielto.Client;

/// <summary>Which collections to list (<c>GET /api/v1/collections</c>): one page by offset, with filters.</summary>
public sealed record CollectionListOptions
{
    /// <summary>How many matching collections to skip first. Defaults to 0.</summary>
    public int Skip { get; init; }

    /// <summary>The page size, 1 to 1,000; null for the server's (100).</summary>
    public int? Limit { get; init; }

    /// <summary>Only collections in this state.</summary>
    public CollectionStatus? Status { get; init; }

    /// <summary>Only collections with this visibility.</summary>
    public CollectionVisibility? Visibility { get; init; }

    /// <summary>Only collections whose name or description contains this text.</summary>
    public string? Search { get; init; }

    /// <summary>Only collections with these tags (sent comma-separated; a tag cannot hold a comma).</summary>
    public IReadOnlyList<string>? Tags { get; init; }
}
