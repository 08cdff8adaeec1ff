using System.Text.Json;
using Mielto.Client.Sample;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Sample;

/// <summary>The sample tool's knowledge commands, run in-process against the stand-in: output, JSON and exit codes.</summary>
[Collection(StandInCollection.Name)]
public sealed class SampleKnowledgeTests(StandInFixture fixture) : StandInTest(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("mielto-ingest-").FullName;

    [Fact]
    public async Task Collections_are_created_listed_read_searched_changed_and_deleted()
    {
        var created = await RunAsync("collections", "create", "Handbook", "--tag", "team", "--json");
        var id = JsonDocument.Parse(created.Out).RootElement.GetProperty("id").GetString()!;
        Server.AddChunk(id, "Brew green tea at 80 degrees.");

        var list = await RunAsync("collections", "list");
        var search = await RunAsync("collections", "search", id, "green tea", "--k", "3");
        var update = await RunAsync("collections", "update", id, "--name", "Team handbook");
        var get = await RunAsync("collections", "get", id, "--json");
        var delete = await RunAsync("collections", "delete", id);
        var missing = await RunAsync("collections", "get", id);

        Assert.All(new[] { created, list, search, update, get, delete }, run => Assert.Equal(ExitCodes.Success, run.ExitCode));
        Assert.Contains($"{id}  Handbook  active", list.Out, StringComparison.Ordinal);
        Assert.Contains("Brew green tea at 80 degrees.", search.Out, StringComparison.Ordinal);
        Assert.Equal("Team handbook", JsonDocument.Parse(get.Out).RootElement.GetProperty("name").GetString());
        Assert.StartsWith($"deleting {id}", delete.Out, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task Upload_takes_files_text_and_pages_and_reports_each_item()
    {
        Server.AddCollection("col_1", "Docs");
        var file = Path.Combine(_folder, "guide.md");
        await File.WriteAllTextAsync(file, "# Guide");

        var run = await RunAsync("upload", "col_1", file, "--text", "Tea at 80 degrees.", "--label", "tea", "--url", "https://example.com/faq");
        var empty = await RunAsync("upload", "col_1");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Equal(["guide.md", "tea", "https://example.com/faq"], Server.Contents.Select(c => c.Name));
        Assert.Equal(3, run.Out.Split('\n').Count(l => l.StartsWith("uploaded con_", StringComparison.Ordinal)));
        Assert.Equal(ExitCodes.Usage, empty.ExitCode);
    }

    [Fact]
    public async Task Ingest_uploads_a_folder_reports_progress_and_a_rerun_uploads_nothing_again()
    {
        Server.AddCollection("col_1", "Docs");
        for (var i = 0; i < 12; i++)
        {
            await File.WriteAllTextAsync(Path.Combine(_folder, $"doc{i:00}.md"), $"document {i}");
        }

        await File.WriteAllTextAsync(Path.Combine(_folder, "empty.md"), string.Empty);

        var first = await RunAsync("ingest", "col_1", _folder, "--ext", "md");
        var second = await RunAsync("ingest", "col_1", _folder, "--json");

        Assert.True(first.ExitCode == ExitCodes.ServerOrTransport, first.Error + first.Out);
        Assert.Contains("failed   empty.md: The file 'empty.md' is empty", first.Out, StringComparison.Ordinal);
        Assert.Contains("12 uploaded, 0 already there, 1 failed", first.Out, StringComparison.Ordinal);
        Assert.Contains("13/13 files (12 uploaded, 0 already there, 1 failed)", first.Error, StringComparison.Ordinal);
        var rerun = JsonDocument.Parse(second.Out).RootElement;
        Assert.Equal((0, 12), (rerun.GetProperty("uploaded").GetArrayLength(), rerun.GetProperty("skipped").GetArrayLength()));
        Assert.Equal(12, Server.Contents.Count);
    }

    [Fact]
    public async Task Contents_and_chunks_are_listed_read_and_deleted()
    {
        Server.AddCollection("col_1", "Docs");
        var content = Server.AddContent("col_1", "guide.md", size: 7);
        Server.AddChunk("col_1", "Brew at 80 degrees.", contentId: content.Id);

        var list = await RunAsync("contents", "list", "--collection-id", "col_1");
        var get = await RunAsync("contents", "get", content.Id, "--json");
        var chunks = await RunAsync("chunks", "list", "col_1", "--json");
        var delete = await RunAsync("contents", "delete", content.Id);

        Assert.Contains($"{content.Id}  guide.md  completed", list.Out, StringComparison.Ordinal);
        Assert.Equal("guide.md", JsonDocument.Parse(get.Out).RootElement.GetProperty("name").GetString());
        Assert.Equal("Brew at 80 degrees.", JsonDocument.Parse(chunks.Out).RootElement.GetProperty("content").GetString());
        Assert.Equal(($"deleted {content.Id}", ExitCodes.Success), (delete.Out.Trim(), delete.ExitCode));
        Assert.Empty(Server.Contents);
    }

    [Fact]
    public async Task Compress_prints_the_compressed_text_of_a_file_or_of_text()
    {
        var file = Path.Combine(_folder, "notes.txt");
        await File.WriteAllTextAsync(file, "The green tea is really very good");

        var fromFile = await RunAsync("compress", file);
        var fromText = await RunAsync("compress", "--text", "The tea is good", "--json");
        var neither = await RunAsync("compress");

        Assert.Equal(("green tea good", ExitCodes.Success), (fromFile.Out.Trim(), fromFile.ExitCode));
        Assert.Contains("33 → 14 characters", fromFile.Error, StringComparison.Ordinal);
        Assert.Equal("tea good", JsonDocument.Parse(fromText.Out).RootElement.GetProperty("content").GetString());
        Assert.Equal(ExitCodes.Usage, neither.ExitCode);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private Task<SampleRun> RunAsync(params string[] args) =>
        SampleRun.RunAsync([.. args, "--base-address", Server.BaseAddress.ToString(), "--api-key", Server.ApiKey]);
}
