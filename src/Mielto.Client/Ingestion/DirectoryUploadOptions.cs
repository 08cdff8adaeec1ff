namespace Mielto.Client;

/// <summary>What <see cref="ICollectionsClient.UploadDirectoryAsync"/> uploads, and how.</summary>
public sealed record DirectoryUploadOptions
{
    /// <summary>The most encoded bytes one request carries, by default: 16 MiB of JSON (about 12 MiB of files).</summary>
    public const long DefaultMaxBatchBytes = 16L * 1024 * 1024;

    /// <summary>True (the default) to take the files of every folder below, false for the folder's own files only.</summary>
    public bool Recursive { get; init; } = true;

    /// <summary>The extensions to take, with or without the dot, in any case (<c>pdf</c>, <c>.MD</c>); null or empty takes every file.</summary>
    public IReadOnlyList<string>? Extensions { get; init; }

    /// <summary>
    /// Patterns of files and folders to leave out, with <c>.gitignore</c>'s syntax and meaning (<c>*.log</c>,
    /// <c>build/</c>, <c>/docs/draft-*.md</c>, <c>**/tmp/**</c>, <c>!keep.log</c>), matched against paths relative to the folder.
    /// </summary>
    public IReadOnlyList<string>? Exclude { get; init; }

    /// <summary>
    /// True (the default) to leave out what git ignores: the <c>.gitignore</c> files in the folder and below, and those
    /// above it up to the root of its git repository.
    /// </summary>
    public bool UseGitIgnore { get; init; } = true;

    /// <summary>
    /// False (the default) to leave out hidden files and folders (a name that starts with a dot, or marked hidden), such
    /// as <c>.env</c> or <c>.vscode/</c>. The <c>.git</c> folder is never uploaded.
    /// </summary>
    public bool IncludeHidden { get; init; }

    /// <summary>The most files in one request. Defaults to 10, as the official SDKs batch.</summary>
    public int MaxBatchFiles { get; init; } = 10;

    /// <summary>
    /// The most bytes of JSON one request carries (a file's base64 is 4/3 of its size). Defaults to
    /// <see cref="DefaultMaxBatchBytes"/>. A file larger than this on its own goes alone, in a request of its size.
    /// </summary>
    public long MaxBatchBytes { get; init; } = DefaultMaxBatchBytes;

    /// <summary>How many requests are in flight at once. Defaults to 4.</summary>
    public int MaxConcurrency { get; init; } = 4;

    /// <summary>
    /// True (the default) to leave out a file the collection already has: a content named by the file's relative path,
    /// of the same size, whose ingestion has not failed. So a second run after a cancelled or failed one uploads only
    /// what the first did not.
    /// </summary>
    public bool SkipExisting { get; init; } = true;

    /// <summary>What goes with every request: metadata, description, reader, and whether to ingest (a file's label is its relative path).</summary>
    public UploadOptions? Upload { get; init; }
}
