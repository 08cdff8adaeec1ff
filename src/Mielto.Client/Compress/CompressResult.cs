using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>
/// What <see cref="ICompressClient.CompressAsync"/> returned (<c>CompressResponse</c>): the compressed text and its
/// figures; or, for a call with a webhook, the acknowledgement; or word that the server is still working on it.
/// </summary>
public sealed record CompressResult
{
    /// <summary>The server's status, such as <c>success</c>.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>The compressed text; null for an acknowledgement.</summary>
    [JsonPropertyName("content")]
    public string? Content { get; init; }

    /// <summary>How long the compression took, in seconds, as the server measured it.</summary>
    [JsonPropertyName("compression_time")]
    public double? CompressionSeconds { get; init; }

    /// <summary>The length of what was sent, in characters.</summary>
    [JsonPropertyName("original_length")]
    public int? OriginalLength { get; init; }

    /// <summary>The length of the compressed text, in characters.</summary>
    [JsonPropertyName("compressed_length")]
    public int? CompressedLength { get; init; }

    /// <summary>The server's message, such as <c>Compression response will be sent to webhook</c>.</summary>
    [JsonPropertyName("message")]
    public string? Message { get; init; }

    /// <summary>True when the server took the work and will post the result to the webhook, instead of returning it.</summary>
    [JsonIgnore]
    public bool SentToWebhook => Content is null && Message?.Contains("webhook", StringComparison.OrdinalIgnoreCase) is true;

    /// <summary>
    /// True when the server says it is still processing the request, and returned no text. The SDK does not send the
    /// request again (that would run and bill the compression twice): call again later, or use a webhook.
    /// </summary>
    [JsonIgnore]
    public bool IsProcessing => Content is null && Message?.Contains("being processed", StringComparison.OrdinalIgnoreCase) is true;
}
