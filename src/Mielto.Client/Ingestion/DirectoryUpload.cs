using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Mielto.Client.Operations;

namespace Mielto.Client.Ingestion;

/// <summary>
/// One <see cref="ICollectionsClient.UploadDirectoryAsync"/>: finds the files, leaves out those the collection has,
/// cuts the rest into batches bounded by count and by encoded bytes, sends several at once through
/// <see cref="CollectionsClient.UploadAsync"/>, and keeps the outcome of every file, reporting progress as it goes.
/// </summary>
internal sealed class DirectoryUpload(
    CollectionsClient client, IContentsClient contents, string collectionId, DirectoryUploadOptions options, UploadOptions upload, IProgress<DirectoryUploadProgress>? progress, TimeProvider clock, string? workspaceId)
{
    /// <summary>What a file adds to a request besides its base64: its label and MIME type, and the JSON around them.</summary>
    private const int FileOverhead = 256;

    /// <summary>The largest file read whole before its request: one block of the upload's encoder.</summary>
    private const int PreloadBytes = 48 * 1024;

    private readonly ConcurrentQueue<DirectoryUploadedFile> _uploaded = new();
    private readonly ConcurrentQueue<DirectoryUploadFailure> _failed = new();
    private readonly List<string> _skipped = [];
    private long _started;
    private int _filesTotal;
    private int _requests;
    private long _bytesTotal;
    private long _bytesSent;
    private long _bytesUploaded;
    private ExceptionDispatchInfo? _timerFailure;

    public async Task<DirectoryUploadResult> RunAsync(string directory, CancellationToken cancellationToken)
    {
        _started = clock.GetTimestamp();
        var files = DirectoryScan.Find(directory, options);
        _filesTotal = files.Count;
        if (options.SkipExisting && files.Count > 0)
        {
            files = await WithoutExistingAsync(files, cancellationToken).ConfigureAwait(false);
        }

        _bytesTotal = files.Sum(static f => f.Length);
        using (progress is null ? null : clock.CreateTimer(static state => ((DirectoryUpload)state!).ReportOnTimer(), this, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)))
        {
            Report();
            await Parallel.ForEachAsync(
                Batches(files),
                new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken },
                (batch, token) => new ValueTask(SendAsync(batch, token))).ConfigureAwait(false);
        }

        Report();
        _timerFailure?.Throw();
        return new DirectoryUploadResult
        {
            Uploaded = [.. _uploaded.OrderBy(static f => f.Path, StringComparer.Ordinal)],
            Skipped = _skipped,
            Failed = [.. _failed.OrderBy(static f => f.Path, StringComparer.Ordinal)],
            BytesUploaded = _bytesUploaded,
            Requests = _requests,
            Elapsed = clock.GetElapsedTime(_started),
        };
    }

    /// <summary>Reports from the timer's thread, where an exception of the caller's reporter would end the process: it is kept, and thrown by the upload at its end.</summary>
    private void ReportOnTimer()
    {
        try
        {
            Report();
        }
        catch (Exception ex)
        {
            _timerFailure ??= ExceptionDispatchInfo.Capture(ex);
        }
    }

    private void Report() =>
        progress?.Report(new DirectoryUploadProgress(
            _filesTotal, _uploaded.Count, _skipped.Count, _failed.Count, _bytesTotal, Math.Min(Interlocked.Read(ref _bytesSent), _bytesTotal), clock.GetElapsedTime(_started)));

    /// <summary>The files the collection does not have yet: none of its contents has the file's relative path as name, its size, and an ingestion that did not fail.</summary>
    private async Task<List<DirectoryScan.Found>> WithoutExistingAsync(List<DirectoryScan.Found> files, CancellationToken cancellationToken)
    {
        var existing = new HashSet<(string, long)>();
        await foreach (var content in contents.ListAllAsync(new ContentListOptions { CollectionId = collectionId, Limit = 1000 }, workspaceId, cancellationToken).ConfigureAwait(false))
        {
            if (content is { Size: { } size } && content.Status != ContentStatus.Failed)
            {
                existing.Add((content.Name, size));
            }
        }

        var missing = new List<DirectoryScan.Found>(files.Count);
        foreach (var file in files)
        {
            if (existing.Contains((file.RelativePath, file.Length)))
            {
                _skipped.Add(file.RelativePath);
            }
            else
            {
                missing.Add(file);
            }
        }

        return missing;
    }

    /// <summary>The files in order, cut into requests of at most <see cref="DirectoryUploadOptions.MaxBatchFiles"/> files and <see cref="DirectoryUploadOptions.MaxBatchBytes"/> bytes of JSON; a larger file goes alone.</summary>
    private IEnumerable<List<DirectoryScan.Found>> Batches(List<DirectoryScan.Found> files)
    {
        var batch = new List<DirectoryScan.Found>();
        long bytes = 0;
        foreach (var file in files)
        {
            var encoded = (((file.Length + 2) / 3) * 4) + FileOverhead + (file.RelativePath.Length * 6);
            if (batch.Count > 0 && (batch.Count == options.MaxBatchFiles || bytes + encoded > options.MaxBatchBytes))
            {
                yield return batch;
                (batch, bytes) = ([], 0);
            }

            batch.Add(file);
            bytes += encoded;
        }

        if (batch.Count > 0)
        {
            yield return batch;
        }
    }

    /// <summary>
    /// Sends one batch. Its small files (at most <see cref="PreloadBytes"/> each) are read first, into pooled buffers:
    /// each is opened once, and the request's length is known. A larger file is read as the request is written; if it
    /// cannot be read then (deleted or locked since the scan), it fails alone: the request, cut short, stored nothing,
    /// and goes again without it.
    /// </summary>
    private async Task SendAsync(List<DirectoryScan.Found> batch, CancellationToken cancellationToken)
    {
        var rented = new List<byte[]>(batch.Count);
        try
        {
            var sending = new List<(DirectoryScan.Found File, UploadSource Source)>(batch.Count);
            foreach (var file in batch)
            {
                if (await PrepareAsync(file, rented, cancellationToken).ConfigureAwait(false) is { } source)
                {
                    sending.Add((file, source));
                }
            }

            while (sending.Count > 0 && await SendOnceAsync(sending, cancellationToken).ConfigureAwait(false) is { } unreadable)
            {
                sending.RemoveAt(unreadable);
            }
        }
        finally
        {
            rented.ForEach(static buffer => ArrayPool<byte>.Shared.Return(buffer));
        }

        Interlocked.Add(ref _bytesSent, batch.Sum(static f => f.Length));
        Report();
    }

    /// <summary>The file ready to send, read whole if it is small; null, with the file failed, when it cannot be read.</summary>
    private async Task<UploadSource?> PrepareAsync(DirectoryScan.Found file, List<byte[]> rented, CancellationToken cancellationToken)
    {
        if (file.Length > PreloadBytes)
        {
            return UploadSource.Scanned(UploadFile.FromPath(file.FullPath, file.RelativePath), file.Length);
        }

        try
        {
            var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Max(1, file.Length));
            rented.Add(buffer);
            using var handle = File.OpenHandle(file.FullPath);

            // Read synchronously: on Unix an asynchronous file read is a hop to the thread pool, dearer than the read.
            var read = RandomAccess.Read(handle, buffer.AsSpan(0, (int)file.Length), 0);
            return await UploadSource.PrepareAsync(UploadFile.FromBytes(buffer.AsMemory(0, read), file.RelativePath), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Fail(file, $"Reading '{file.FullPath}' for the upload failed: {ex.Message}");
            return null;
        }
    }

    /// <summary>Sends the files as one request and records their outcomes; returns the index of a file that could not be read as it was sent (failed, to leave out of the next try), else null.</summary>
    private async Task<int?> SendOnceAsync(List<(DirectoryScan.Found File, UploadSource Source)> sending, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        long read = 0;
        try
        {
            var result = await client.UploadAsync(
                UploadWire.For(collectionId, "file", upload with { Label = null }),
                [.. sending.Select(static s => s.Source)],
                bytes =>
                {
                    read += bytes;
                    Interlocked.Add(ref _bytesSent, bytes);
                },
                workspaceId,
                cancellationToken).ConfigureAwait(false);
            Record([.. sending.Select(static s => s.File)], result);
            return null;
        }
        catch (IOException ex) when (UploadContent.UnreadableLabel(ex) is { } label && sending.FindIndex(s => string.Equals(s.File.RelativePath, label, StringComparison.Ordinal)) is >= 0 and var unreadable)
        {
            Fail(sending[unreadable].File, ex.Message);
            return unreadable;
        }
        catch (Exception ex) when (ex is MieltoException or IOException && !cancellationToken.IsCancellationRequested)
        {
            sending.ForEach(s => Fail(s.File, ex.Message));
            return null;
        }
        finally
        {
            // What was read is counted once, when the batch is done with, whatever the attempts.
            Interlocked.Add(ref _bytesSent, -read);
        }
    }

    /// <summary>Gives each file of the request its outcome: the item named by its relative path, else the item in its place, else none.</summary>
    private void Record(List<DirectoryScan.Found> sent, UploadResult result)
    {
        var byName = result.Contents.Where(static c => c.Name is not null).GroupBy(static c => c.Name!, StringComparer.Ordinal).ToDictionary(static g => g.Key, static g => g.First(), StringComparer.Ordinal);
        for (var i = 0; i < sent.Count; i++)
        {
            var file = sent[i];
            var item = byName.GetValueOrDefault(file.RelativePath) ?? (byName.Count == 0 && result.Contents.Count == sent.Count ? result.Contents[i] : null);
            switch (item)
            {
                case { Succeeded: true }:
                    _uploaded.Enqueue(new DirectoryUploadedFile(file.RelativePath, item.Id));
                    Interlocked.Add(ref _bytesUploaded, file.Length);
                    break;
                case { Error: { } error }:
                    Fail(file, error);
                    break;
                default:
                    Fail(file, "The server reported no outcome for it.");
                    break;
            }
        }
    }

    private void Fail(DirectoryScan.Found file, string reason) => _failed.Enqueue(new DirectoryUploadFailure(file.RelativePath, reason));
}
