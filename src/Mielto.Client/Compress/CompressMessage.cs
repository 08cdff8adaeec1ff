using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>One message of a conversation to compress; its text goes under <c>message</c>, as the API names it.</summary>
public sealed record CompressMessage
{
    /// <summary>What was said.</summary>
    [JsonPropertyName("message")]
    public required string Message { get; init; }

    /// <summary>Who said it: <c>user</c>, <c>assistant</c>…</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>When it was said.</summary>
    [JsonPropertyName("created_at")]
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>The user who said it.</summary>
    [JsonPropertyName("user_id")]
    public string? UserId { get; init; }

    /// <summary>Any other field of the message, sent beside the others as it is.</summary>
    [JsonIgnore]
    public IReadOnlyDictionary<string, JsonElement>? AdditionalProperties { get; init; }
}
