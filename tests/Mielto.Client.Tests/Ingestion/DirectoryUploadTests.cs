using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Testing;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Ingestion;

/// <summary>Folder uploads against the stand-in: what is taken (globs, .gitignore, hidden), batches, failures, progress, cancel and rerun.</summary>
[Collection(StandInCollection.Name)]
public sealed class DirectoryUploadTests(StandInFixture fixture) : StandInTest(fixture), IDisposable
{
    private readonly ICollectionsClient _collections = fixture.Client.Collections;
    private readonly string _root = Directory.CreateTempSubdirectory("mielto-folder-").FullName;

    [Fact]
    public async Task It_takes_what_git_and_the_caller_would_and_leaves_out_hidden_and_ignored_files()
    {
        Server.AddCollection("col_1", "Docs");
        Write(".gitignore", "*.log\nbuild/\n!keep.log\n/rooted.md\n");
        Write("guide.md", "guide");
        Write("rooted.md", "ignored at the top");
        Write("sub/rooted.md", "kept below");
        Write("app.log", "ignored");
        Write("keep.log", "re-included");
        Write("build/out.md", "ignored folder");
        Write("sub/.gitignore", "secret-*.md\n");
        Write("sub/secret-1.md", "ignored below");
        Write("sub/deep/page.MD", "deep");
        Write("sub/draft-1.md", "excluded by the caller");
        Write(".env", "KEY=1");
        Write(".vscode/settings.json", "{}");
        Write(".git/config", "[core]");
        Write("image.png", "png");

        var result = await _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { Exclude = ["draft-*.md"], Extensions = ["md", ".log"] });

        string[] expected = ["guide.md", "keep.log", "sub/deep/page.MD", "sub/rooted.md"];
        Assert.Equal(expected, result.Uploaded.Select(f => f.Path));
        Assert.Equal(expected, Server.Contents.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.True(result.Complete);
        Assert.Equal(4, result.ContentIds.Count);
    }

    [Fact]
    public async Task Hidden_files_and_folders_can_be_asked_for_but_never_the_git_folder_and_not_below_without_recursion()
    {
        Server.AddCollection("col_1", "Docs");
        Write(".env", "KEY=1");
        Write(".notes/a.md", "a");
        Write(".git/HEAD", "ref");
        Write("sub/b.md", "b");

        var result = await _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { IncludeHidden = true, UseGitIgnore = false });
        var flat = await _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { Recursive = false, IncludeHidden = true, SkipExisting = false });

        Assert.Equal([".env", ".notes/a.md", "sub/b.md"], result.Uploaded.Select(f => f.Path));
        Assert.Equal([".env"], flat.Uploaded.Select(f => f.Path));
    }

    [Fact]
    public async Task Requests_are_bounded_by_count_and_by_encoded_bytes_and_a_larger_file_goes_alone()
    {
        Server.AddCollection("col_1", "Docs");
        for (var i = 0; i < 23; i++)
        {
            Write($"f{i:00}.txt", new string('x', 1000));
        }

        Write("zz-big.txt", new string('y', 40_000));

        var result = await _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { MaxBatchFiles = 10, MaxBatchBytes = 8_000, MaxConcurrency = 3 });

        var uploads = Server.Requests.Where(r => r.Operation == MieltoOperation.Upload).ToList();
        Assert.Equal(24, result.Uploaded.Count);
        Assert.Equal(uploads.Count, result.Requests);
        Assert.All(uploads.Where(r => !r.Body.Contains("zz-big", StringComparison.Ordinal)), r => Assert.InRange(r.Body.Length, 1, 8_000));
        Assert.Equal(1, uploads.Single(r => r.Body.Contains("zz-big", StringComparison.Ordinal)).Body.Split("\"label\"").Length - 1);
        Assert.Equal(24 * 1000 + 39_000, result.BytesUploaded);
    }

    [Fact]
    public async Task Every_failed_file_is_reported_with_its_reason_and_the_rest_go_on()
    {
        Server.AddCollection("col_1", "Docs");
        Write("a.md", "a");
        Write("b.md", "b");
        Write("c-empty.md", string.Empty);
        Write("d.md", "d");
        Server.FailNext(1, HttpStatusCode.InternalServerError, operation: MieltoOperation.Upload);

        var result = await _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { MaxBatchFiles = 2, MaxConcurrency = 1 });

        Assert.False(result.Complete);
        Assert.Equal(["a.md", "b.md", "c-empty.md"], result.Failed.Select(f => f.Path));
        Assert.All(result.Failed.Take(2), f => Assert.Contains("500", f.Reason, StringComparison.Ordinal));
        Assert.Equal("The file 'c-empty.md' is empty", result.Failed[2].Reason);
        Assert.Equal(["d.md"], result.Uploaded.Select(f => f.Path));
    }

    [Fact]
    public async Task A_file_gone_after_the_scan_fails_alone_and_the_rest_of_its_request_is_uploaded()
    {
        Server.AddCollection("col_1", "Docs");
        Write("a.md", "a");
        Write("b.md", "b");
        Write("big.md", new string('x', 60_000));
        Write("c.md", "c");
        var progress = new Recorder(p =>
        {
            if (p.FilesDone == 0)
            {
                // A small file is read before its request, a large one as the request is written: both fail alone.
                File.Delete(Path.Combine(_root, "b.md"));
                File.Delete(Path.Combine(_root, "big.md"));
            }
        });

        var result = await _collections.UploadDirectoryAsync("col_1", _root, progress: progress);

        Assert.Equal(["a.md", "c.md"], result.Uploaded.Select(f => f.Path));
        Assert.Equal(["b.md", "big.md"], result.Failed.Select(f => f.Path));
        Assert.All(result.Failed, f => Assert.Contains("Reading '", f.Reason, StringComparison.Ordinal));
        Assert.Equal(["a.md", "c.md"], Server.Contents.Select(c => c.Name));
        Assert.Equal(2, result.Requests);
        Assert.Equal(progress.Reports[^1].BytesTotal, progress.Reports[^1].BytesSent);
    }

    [Fact]
    public async Task A_cancelled_upload_keeps_what_was_taken_and_a_second_run_uploads_only_the_rest()
    {
        Server.AddCollection("col_1", "Docs");
        for (var i = 0; i < 30; i++)
        {
            Write($"doc{i:00}.md", $"document {i}");
        }

        using var cancel = new CancellationTokenSource();
        var progress = new Recorder(p =>
        {
            if (p.FilesUploaded >= 10)
            {
                cancel.Cancel();
            }
        });
        var options = new DirectoryUploadOptions { MaxBatchFiles = 5, MaxConcurrency = 1 };

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _collections.UploadDirectoryAsync("col_1", _root, options, progress, cancellationToken: cancel.Token));
        var first = Server.Contents.Count;
        var second = await _collections.UploadDirectoryAsync("col_1", _root, options, progress);

        Assert.InRange(first, 10, 25);
        Assert.Equal(first, second.Skipped.Count);
        Assert.Equal(30 - first, second.Uploaded.Count);
        Assert.Equal(30, Server.Contents.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(30, Server.Contents.Count);
        var last = progress.Reports[^1];
        Assert.Equal((30, 30 - first, first, 0), (last.FilesTotal, last.FilesUploaded, last.FilesSkipped, last.FilesFailed));
        Assert.Equal(last.BytesTotal, last.BytesSent);
    }

    [Fact]
    public async Task Progress_is_reported_every_second_while_a_request_is_in_flight()
    {
        Server.AddCollection("col_1", "Docs");
        Write("a.md", "a");
        var clock = new WatchedClock();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddMieltoClient(Server.Configure);
        using var container = services.BuildServiceProvider();
        var progress = new Recorder(_ => { });
        Server.DelayNext(1, TimeSpan.FromSeconds(30), MieltoOperation.Upload);

        using var cancel = new CancellationTokenSource();
        var uploading = container.GetRequiredService<ICollectionsClient>().UploadDirectoryAsync("col_1", _root, progress: progress, cancellationToken: cancel.Token);
        await clock.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        await Until.TrueAsync(() => progress.Reports.Count == 1);
        var before = progress.Reports.Count;
        clock.Advance(TimeSpan.FromSeconds(1));
        clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(before + 2, progress.Reports.Count);
        Assert.Equal(TimeSpan.FromSeconds(2), progress.Reports[^1].Elapsed);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => uploading.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_missing_folder_or_a_bad_option_is_refused_before_anything_is_sent()
    {
        await Assert.ThrowsAsync<DirectoryNotFoundException>(() => _collections.UploadDirectoryAsync("col_1", Path.Combine(_root, "missing")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { MaxBatchFiles = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => _collections.UploadDirectoryAsync("col_1", _root, new DirectoryUploadOptions { Extensions = [" "] }));
        await Assert.ThrowsAsync<ArgumentException>(() => _collections.UploadDirectoryAsync("..", _root));

        Assert.Empty(Server.Requests);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    /// <summary>Keeps every report, as it is made.</summary>
    private sealed class Recorder(Action<DirectoryUploadProgress> onReport) : IProgress<DirectoryUploadProgress>
    {
        private readonly ConcurrentQueue<DirectoryUploadProgress> _reports = new();

        public IReadOnlyList<DirectoryUploadProgress> Reports => [.. _reports];

        public void Report(DirectoryUploadProgress value)
        {
            _reports.Enqueue(value);
            onReport(value);
        }
    }
}
