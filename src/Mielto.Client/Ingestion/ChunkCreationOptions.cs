namespace Mielto.Client;

/// <summary>How <see cref="ICollectionsClient.CreateChunksAsync"/> ingests a content; what is not set is not sent.</summary>
public sealed record ChunkCreationOptions
{
    /// <summary>The reader's name; the server's default is <c>native</c>.</summary>
    public string? Reader { get; init; }

    /// <summary>True to chunk again a content that has chunks already; the server's default is false.</summary>
    public bool? ForceRechunk { get; init; }
}
