namespace Mielto.Client.Testing;

/// <summary>A content (a document) of a collection, as the stand-in keeps it.</summary>
/// <param name="Id">Its id.</param>
/// <param name="CollectionId">The collection it is in.</param>
/// <param name="WorkspaceId">The workspace it is in.</param>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its MIME type.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="Status">Its ingestion status: <c>new</c>, <c>processing</c>, <c>completed</c> or <c>failed</c>.</param>
/// <param name="StatusMessage">What the status says, if anything.</param>
/// <param name="Description">Its description, if any.</param>
/// <param name="CreatedAt">When it was created.</param>
/// <param name="UpdatedAt">When it was last changed.</param>
public sealed record TestContent(
    string Id,
    string CollectionId,
    string WorkspaceId,
    string Name,
    string Type,
    long Size,
    string Status,
    string? StatusMessage,
    string? Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);
