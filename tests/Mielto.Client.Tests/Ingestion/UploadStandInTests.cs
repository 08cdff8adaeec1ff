using System.Net.Http.Headers;
using Mielto.Client.Testing;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Ingestion;

/// <summary>Uploads and ingestion against the stand-in: what users test their ingestion code with.</summary>
[Collection(StandInCollection.Name)]
public sealed class UploadStandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly MieltoClient _client = fixture.Client;

    [Fact]
    public async Task Uploaded_text_and_files_become_contents_whose_ingestion_makes_them_searchable()
    {
        Server.AddCollection("col_1", "Docs");

        var text = await _client.Collections.UploadTextAsync("col_1", "Green tea is brewed at eighty degrees.", new UploadOptions { Label = "tea.txt" });
        var files = await _client.Collections.UploadFilesAsync("col_1", [UploadFile.FromBytes("Oolong steeps for four minutes."u8.ToArray(), "oolong.md")]);
        var ended = await _client.Contents.WaitForIngestionAsync([.. text.ContentIds, .. files.ContentIds]);

        Assert.All(ended, c => Assert.Equal(ContentStatus.Completed, c.Status));
        Assert.Equal(["tea.txt", "oolong.md"], ended.Select(c => c.Name));
        Assert.Equal(("text/markdown", 31L), (ended[1].Type, ended[1].Size));
        var found = await _client.Collections.SearchAsync(new CollectionSearchRequest { Query = "oolong minutes", CollectionId = "col_1" });
        Assert.Equal("Oolong steeps for four minutes.", found.Results[0].Content);
    }

    [Fact]
    public async Task Ingestion_takes_the_configured_delay_on_the_servers_clock_and_fails_as_told()
    {
        var clock = new WatchedClock();
        await using var server = await MieltoTestServer.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.IngestionDelay = TimeSpan.FromSeconds(30);
            o.IngestionFailure = name => name.EndsWith(".scan.pdf", StringComparison.Ordinal) ? "No text layer" : null;
        });
        using var client = server.CreateClient();
        server.AddCollection("col_1", "Docs");

        var result = await client.Collections.UploadFilesAsync("col_1", [UploadFile.FromBytes("%PDF-1.4 a"u8.ToArray(), "a.scan.pdf"), UploadFile.FromBytes("plain"u8.ToArray(), "b.txt")]);
        Assert.All(await Task.WhenAll(result.ContentIds.Select(id => client.Contents.GetAsync(id))), c => Assert.Equal(ContentStatus.Processing, c.Status));

        clock.Advance(TimeSpan.FromSeconds(30));
        var scan = await client.Contents.GetAsync(result.ContentIds[0]);
        var text = await client.Contents.GetAsync(result.ContentIds[1]);

        Assert.Equal((ContentStatus.Failed, "No text layer"), (scan.Status!.Value, scan.StatusMessage));
        Assert.Equal(ContentStatus.Completed, text.Status);
    }

    [Fact]
    public async Task A_content_uploaded_without_ingestion_is_found_only_once_its_chunks_are_created()
    {
        Server.AddCollection("col_1", "Docs");
        var result = await _client.Collections.UploadTextAsync("col_1", "Matcha is whisked, not steeped.", new UploadOptions { Ingest = false });
        var id = Assert.Single(result.ContentIds);
        var search = new CollectionSearchRequest { Query = "matcha whisked", CollectionId = "col_1" };

        Assert.Equal(ContentStatus.New, (await _client.Contents.GetAsync(id)).Status);
        Assert.Empty((await _client.Collections.SearchAsync(search)).Results);

        var created = await _client.Collections.CreateChunksAsync(id);
        var again = await _client.Collections.CreateChunksAsync(id);

        Assert.Equal((1, 0), (created.TotalChunksCreated, again.TotalChunksCreated));
        Assert.Equal(ContentStatus.Completed, (await _client.Contents.GetAsync(id)).Status);
        Assert.Single((await _client.Collections.SearchAsync(search)).Results);
        await Assert.ThrowsAsync<MieltoNotFoundException>(() => _client.Collections.CreateChunksAsync("con_missing"));
    }

    [Fact]
    public async Task Items_the_server_cannot_take_are_failures_in_the_result_and_an_unknown_collection_is_refused()
    {
        Server.AddCollection("col_1", "Docs");

        var result = await _client.Collections.UploadFilesAsync("col_1", [UploadFile.FromBytes("fine"u8.ToArray(), "a.txt"), UploadFile.FromBytes(Array.Empty<byte>(), "empty.txt")]);

        Assert.Equal(UploadStatus.PartialSuccess, result.Status);
        Assert.Equal("The file 'empty.txt' is empty", Assert.Single(result.Failed).Error);
        Assert.Single(Server.Contents);
        await Assert.ThrowsAsync<MieltoPermissionException>(() => _client.Collections.UploadTextAsync("col_other", "text"));
    }

    [Fact]
    public async Task The_documented_multipart_form_is_taken_too()
    {
        Server.AddCollection("col_1", "Docs");
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        using var form = new MultipartFormDataContent
        {
            { new StringContent("col_1"), "collection_id" },
            { new StringContent("false"), "ingest" },
        };
        var file = new ByteArrayContent("Sencha is steamed."u8.ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(file, "files", "sencha.txt");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/upload") { Content = form };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Server.ApiKey);

        using var response = await http.SendAsync(request);

        Assert.Equal(200, (int)response.StatusCode);
        var content = Assert.Single(Server.Contents);
        Assert.Equal(("sencha.txt", "text/plain", 18L, "new"), (content.Name, content.Type, content.Size, content.Status));
        Assert.Equal(MieltoOperation.Upload, Server.Requests[^1].Operation);
    }
}
