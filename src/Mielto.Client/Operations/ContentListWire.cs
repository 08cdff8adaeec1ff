using System.Text.Json.Serialization;

namespace Mielto.Client.Operations;

/// <summary>The content list's wire form: <c>data</c> and the grand <c>total_count</c>.</summary>
internal sealed record ContentListWire
{
    [JsonPropertyName("data")]
    public IReadOnlyList<CollectionContent>? Data { get; init; }

    [JsonPropertyName("total_count")]
    public int? TotalCount { get; init; }

    public ContentPage ToPage() => new(Data!, TotalCount);
}
