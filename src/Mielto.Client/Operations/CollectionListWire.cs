using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>The collection list's wire form: <c>data</c> and the grand <c>total_count</c>.</summary>
internal sealed record CollectionListWire
{
    [JsonPropertyName("data")]
    public IReadOnlyList<Collection>? Data { get; init; }

    [JsonPropertyName("total_count")]
    public int? TotalCount { get; init; }

    public CollectionPage ToPage() => new(Data ?? [], TotalCount);
}
