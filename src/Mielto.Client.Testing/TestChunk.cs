namespace Mielto.Client.Testing;

/// <summary>A chunk of a collection's content, which a collection search finds and a chunk listing lists.</summary>
/// <param name="Id">Its id.</param>
/// <param name="CollectionId">The collection it is in.</param>
/// <param name="ContentId">The content it is from.</param>
/// <param name="Content">Its text.</param>
/// <param name="Source">Where the content came from (a file name, a URL), if known.</param>
public sealed record TestChunk(string Id, string CollectionId, string ContentId, string Content, string? Source);
