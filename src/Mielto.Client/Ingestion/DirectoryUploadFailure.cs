using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>A file a <see cref="ICollectionsClient.UploadDirectoryAsync"/> could not upload.</summary>
/// <param name="Path">The file, relative to the folder, with <c>/</c> between folders.</param>
/// <param name="Reason">Why: the server's error for it, the failure of its request, or why it could not be read.</param>
public sealed record DirectoryUploadFailure([property: JsonPropertyName("path")] string Path, [property: JsonPropertyName("reason")] string Reason);
