using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A file a <see cref="ICollectionsClient.UploadDirectoryAsync"/> uploaded.</summary>
/// <param name="Path">The file, relative to the folder, with <c>/</c> between folders; its content's name.</param>
/// <param name="ContentId">The content made of it, when the server gave its id.</param>
public sealed record DirectoryUploadedFile([property: JsonPropertyName("path")] string Path, [property: JsonPropertyName("content_id")] string? ContentId);
