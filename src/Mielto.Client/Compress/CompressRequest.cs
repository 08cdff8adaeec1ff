namespace Mielto.Client;

/// <summary>
/// What <see cref="ICompressClient.CompressAsync"/> compresses: a text, or a conversation; exactly one of
/// <see cref="Text"/> and <see cref="Messages"/>.
/// </summary>
public sealed record CompressRequest
{
    /// <summary>The text to compress.</summary>
    public string? Text { get; init; }

    /// <summary>The conversation to compress, message by message.</summary>
    public IReadOnlyList<CompressMessage>? Messages { get; init; }

    /// <summary>How to compress; defaults to <c>ai_compress</c>, as both official SDKs send it.</summary>
    public string Strategy { get; init; } = "ai_compress";

    /// <summary>True to have the result carry the compression's metadata. Defaults to false.</summary>
    public bool IncludeMetadata { get; init; }

    /// <summary>
    /// An address Mielto posts the result to when it is done; the call then returns at once with an acknowledgement
    /// (<see cref="CompressResult.SentToWebhook"/>). Mielto advises it above 50,000 characters.
    /// </summary>
    public Uri? WebhookUrl { get; init; }
}
