using Mielto.Client.Http;
using Mielto.Client.Ingestion;
using Mielto.Client.Operations;

namespace Mielto.Client;

/// <summary>Ingestion: uploads of text, files and URLs, and chunking what was uploaded without ingestion.</summary>
public partial class CollectionsClient
{
    /// <inheritdoc/>
    public virtual Task<UploadResult> UploadTextAsync(string collectionId, string text, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options = UploadArguments.Validate(collectionId, options);
        ArgumentNullException.ThrowIfNull(text);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArgumentException("The text to upload is blank; nothing was sent.", nameof(text));
        }

        Arguments.ValidateText(text, nameof(text));
        return UploadAsync(UploadWire.For(collectionId, "text", options) with { Content = text }, [], null, workspaceId, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual async Task<UploadResult> UploadFilesAsync(string collectionId, IEnumerable<UploadFile> files, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options = UploadArguments.Validate(collectionId, options);
        var list = UploadArguments.Files(files);
        var sources = new UploadSource[list.Count];
        for (var i = 0; i < sources.Length; i++)
        {
            sources[i] = await UploadSource.PrepareAsync(list[i], cancellationToken).ConfigureAwait(false);
        }

        return await UploadAsync(UploadWire.For(collectionId, "file", options), sources, null, workspaceId, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public virtual Task<UploadResult> UploadUrlsAsync(string collectionId, IEnumerable<Uri> urls, UploadOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        options = UploadArguments.Validate(collectionId, options);
        return UploadAsync(UploadWire.For(collectionId, "url", options) with { Urls = UploadArguments.Urls(urls) }, [], null, workspaceId, cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<ChunkCreationResult> CreateChunksAsync(string contentId, ChunkCreationOptions? options = null, string? workspaceId = null, CancellationToken cancellationToken = default)
    {
        Arguments.ValidateId(contentId, "content", nameof(contentId));
        if (options?.Reader is { } reader)
        {
            Arguments.ValidateText(reader, nameof(options));
        }

        return _runner.RunAsync(
            _api,
            Operation.CreateChunks,
            contentId,
            (Body: new ChunkCreationWire { ContentId = contentId, Reader = options?.Reader, ForceRechunk = options?.ForceRechunk }, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.CreateChunksAsync(a.Body, a.Workspace, notIdempotent: true, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.ChunkCreationResult, static created => created is { Status: not null, Message: not null }),
            cancellationToken);
    }

    /// <inheritdoc/>
    public virtual Task<DirectoryUploadResult> UploadDirectoryAsync(
        string collectionId,
        string directory,
        DirectoryUploadOptions? options = null,
        IProgress<DirectoryUploadProgress>? progress = null,
        string? workspaceId = null,
        CancellationToken cancellationToken = default)
    {
        options ??= new DirectoryUploadOptions();
        var upload = UploadArguments.Validate(collectionId, options.Upload);
        UploadArguments.Validate(directory, options);
        return new DirectoryUpload(this, _contents, collectionId, options, upload, progress, _runner.Clock, _runner.Workspace(workspaceId)).RunAsync(directory, cancellationToken);
    }

    /// <summary>Sends one upload: the envelope, then the files streamed after it.</summary>
    /// <param name="envelope">Everything but the files.</param>
    /// <param name="files">The files, checked.</param>
    /// <param name="onRead">Told how many bytes of a file were read, as they are; null for none.</param>
    /// <param name="workspaceId">The call's workspace, or null.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    internal Task<UploadResult> UploadAsync(UploadWire envelope, IReadOnlyList<UploadSource> files, Action<long>? onRead, string? workspaceId, CancellationToken cancellationToken)
    {
        var json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(envelope, MieltoJsonContext.Wire.UploadWire);
        return _runner.RunAsync(
            _api,
            Operation.Upload,
            envelope.CollectionId,
            (Envelope: json.AsSpan(0, json.Length - 1).ToArray(), Files: files, OnRead: onRead, Workspace: _runner.Workspace(workspaceId)),
            static (api, a, ct) => api.UploadAsync(new UploadContent(a.Envelope, a.Files, a.OnRead), a.Workspace, notIdempotent: true, ct),
            static reply => reply.Json(MieltoJsonContext.Wire.UploadResultWire, static wire => wire.IsUploadResult).ToResult(),
            cancellationToken);
    }
}
