using System.Text.Json.Serialization;

namespace Mielto.Client.Http;

/// <summary>The body of a bulk content delete.</summary>
/// <param name="Ids">The contents.</param>
internal sealed record ContentIds([property: JsonPropertyName("content_ids")] IReadOnlyList<string> Ids);
