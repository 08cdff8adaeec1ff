using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Tests.Infrastructure;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Contents;

/// <summary>The content operations at the wire: what is sent and what is read, integer timestamps included.</summary>
[Collection(PagingCollection.Name)]
public sealed class ContentWireTests(WireServer wire) : WireTest(wire)
{
    private IContentsClient Contents() => Services().GetRequiredService<IContentsClient>();

    [Fact]
    public async Task A_content_reads_integer_and_ISO_timestamps_and_its_status()
    {
        Respond(200, """{"id":"con_1","name":"guide.pdf","status":"failed","status_message":"unreadable PDF","size":1024,"created_at":1705312800,"updated_at":"2024-01-15T10:00:01Z"}""");

        var content = await Contents().GetAsync("con_1");

        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), content.CreatedAt);
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 1, TimeSpan.Zero), content.UpdatedAt);
        Assert.Equal((ContentStatus.Failed, "unreadable PDF", 1024L), (content.Status, content.StatusMessage, content.Size));
    }

    [Fact]
    public async Task List_sends_the_collection_status_offset_and_order()
    {
        Respond(200, """{"data":[],"total_count":0}""");

        await Contents().ListAsync(new ContentListOptions { CollectionId = "col 1", Status = ContentStatus.Processing, Skip = 10, Limit = 5, SortBy = "name", SortOrder = ListSortOrder.Ascending });

        Assert.Equal("/api/v1/contents?collection_id=col%201&status=processing&skip=10&limit=5&sort_by=name&sort_order=asc", Assert.Single(Wire.Requests).RawTarget());
    }

    [Fact]
    public async Task A_bulk_delete_sends_each_id_once_and_a_partial_failure_is_a_result()
    {
        Respond(200, """{"deleted":1,"failed":1,"deleted_ids":["a"],"failed_ids":["b"],"errors":{"b":"Content not found"}}""");

        var result = await Contents().DeleteManyAsync(["a", "b", "a"]);

        Assert.Equal("""{"content_ids":["a","b"]}""", Assert.Single(Wire.Requests).RequestMessage!.Body);
        Assert.False(result.Complete);
        Assert.Equal("Content not found", result.Errors["b"]);
    }

    [Theory]
    [InlineData("chunks")]
    [InlineData("data")]
    public async Task Chunks_go_by_query_and_header_and_are_read_under_either_name(string name)
    {
        Respond(200, $$"""{"{{name}}":[{"id":"chunk_1","content":"Green tea","embedding":[0.5,-0.25],"created_at":1705312800}],"total_count":1,"next_cursor":"chunk_1","has_more":true}""");

        var page = await Contents().ListChunksAsync(new ChunkListOptions { CollectionId = "col_1", ContentId = "con_1", Limit = 500, IncludeEmbedding = true });

        var request = Assert.Single(Wire.Requests);
        Assert.Equal("/api/v1/chunks?collection_id=col_1&content_id=con_1&limit=500&include_embedding=true", request.RawTarget());
        Assert.Equal("col_1", request.Header("X-Collection-Id"));
        var chunk = Assert.Single(page.Chunks);
        Assert.Equal(("chunk_1", "Green tea", "chunk_1", true), (chunk.Id, chunk.Content, page.NextCursor, page.HasMore));
        Assert.Equal([0.5f, -0.25f], chunk.Embedding!.Value.ToArray());
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), chunk.CreatedAt);
    }

    [Fact]
    public async Task Ids_and_input_the_API_cannot_take_are_refused_before_sending()
    {
        var contents = Contents();

        await Assert.ThrowsAsync<ArgumentException>(() => contents.GetAsync("bulk"));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.DeleteAsync(".."));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.UpdateAsync("con_1", new ContentUpdateRequest()));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.DeleteManyAsync([]));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.DeleteManyAsync(["ok", ""]));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.DeleteManyAsync(Enumerable.Range(0, 1001).Select(i => $"c{i}")));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => contents.ListAsync(new ContentListOptions { Limit = 0 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => contents.ListChunksAsync(new ChunkListOptions { Limit = 501 }));
        await Assert.ThrowsAsync<ArgumentException>(() => contents.ListChunksAsync(new ChunkListOptions { CollectionId = "col\r\n1" }));

        Assert.Empty(Wire.Requests);
    }
}

/// <summary>The content operations against the stand-in.</summary>
[Collection(StandInCollection.Name)]
public sealed class ContentStandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly IContentsClient _contents = fixture.Client.Contents;
    private readonly ICollectionsClient _collections = fixture.Client.Collections;

    [Fact]
    public async Task Contents_are_listed_read_changed_and_deleted_with_their_chunks()
    {
        Server.AddCollection("col_1", "Docs");
        var guide = Server.AddContent("col_1", "guide.md", status: "processing", size: 30, createdAt: DateTimeOffset.UnixEpoch.AddDays(1));
        Server.AddContent("col_1", "faq.md", size: 10, createdAt: DateTimeOffset.UnixEpoch.AddDays(2));
        Server.AddContent("col_other", "other.md");
        Server.AddChunk("col_1", "tea brewing guide", contentId: guide.Id);

        var page = await _contents.ListAsync(new ContentListOptions { CollectionId = "col_1", SortBy = "size", SortOrder = ListSortOrder.Ascending });
        Assert.Equal(["faq.md", "guide.md"], page.Contents.Select(c => c.Name));
        Assert.Equal(2, page.TotalCount);
        Assert.Equal(DateTimeOffset.UnixEpoch.AddDays(1), page.Contents[1].CreatedAt);
        Assert.Equal(["guide.md"], await _contents.ListAllAsync(new ContentListOptions { Status = ContentStatus.Processing, Limit = 1 }).Select(c => c.Name).ToListAsync());

        var done = await _contents.UpdateAsync(guide.Id, new ContentUpdateRequest { Status = ContentStatus.Completed });
        Assert.Equal(ContentStatus.Completed, done.Status);

        await _contents.DeleteAsync(guide.Id);
        Assert.Equal(204, Server.Requests[^1].StatusCode);
        Assert.Null(await _contents.GetIfExistsAsync(guide.Id));
        await Assert.ThrowsAsync<MieltoNotFoundException>(() => _contents.DeleteAsync(guide.Id));
        Assert.Empty((await _collections.SearchAsync(new CollectionSearchRequest { Query = "tea", CollectionId = "col_1" })).Results);
    }

    [Fact]
    public async Task Every_chunk_of_a_collection_is_listed_across_pages()
    {
        Server.AddCollection("col_1", "Docs");
        Server.AddCollection("col_2", "Other");
        for (var i = 0; i < 7; i++)
        {
            Server.AddChunk("col_1", $"chunk text {i}");
        }

        Server.AddChunk("col_2", "not this one");

        var all = await _contents.ListAllChunksAsync(new ChunkListOptions { CollectionId = "col_1", Limit = 3 }).Select(c => c.Content).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7).Select(i => $"chunk text {i}"), all);
        Assert.Equal(3, Server.Requests.Count(r => r.Operation == Mielto.Client.Testing.MieltoOperation.ListCollectionChunks));
    }

    [Fact]
    public async Task WaitForIngestion_polls_the_pending_contents_until_each_has_ended()
    {
        var slow = Server.AddContent("col_1", "slow.pdf", status: "processing");
        var broken = Server.AddContent("col_1", "broken.pdf", status: "new");
        var done = Server.AddContent("col_1", "done.md");
        var fast = new IngestionWaitOptions { PollInterval = TimeSpan.FromMilliseconds(20), MaxPollInterval = TimeSpan.FromMilliseconds(40) };

        var waiting = _contents.WaitForIngestionAsync([slow.Id, broken.Id, done.Id, slow.Id], fast);
        await Until.TrueAsync(() => Server.Requests.Count(r => r.RawPath.EndsWith(slow.Id, StringComparison.Ordinal)) >= 2);
        await _contents.UpdateAsync(broken.Id, new ContentUpdateRequest { Status = ContentStatus.Failed, StatusMessage = "unreadable PDF" });
        await _contents.UpdateAsync(slow.Id, new ContentUpdateRequest { Status = ContentStatus.Completed });
        var ended = await waiting.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal([slow.Id, broken.Id, done.Id], ended.Select(c => c.Id));
        Assert.Equal([ContentStatus.Completed, ContentStatus.Failed, ContentStatus.Completed], ended.Select(c => c.Status!.Value));
        Assert.Equal("unreadable PDF", ended[1].StatusMessage);
        Assert.Equal(1, Server.Requests.Count(r => r.Operation == Mielto.Client.Testing.MieltoOperation.GetContent && r.RawPath.EndsWith(done.Id, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task WaitForIngestion_backs_off_gives_up_at_its_timeout_and_names_what_is_still_ingesting()
    {
        var stuck = Server.AddContent("col_1", "stuck.pdf", status: "processing");
        var clock = new WatchedClock();
        var services = new ServiceCollection().AddSingleton<TimeProvider>(clock);
        services.AddMieltoClient(Server.Configure);
        using var container = services.BuildServiceProvider();
        var contents = container.GetRequiredService<IContentsClient>();

        var waiting = contents.WaitForIngestionAsync(
            [stuck.Id], new IngestionWaitOptions { PollInterval = TimeSpan.FromSeconds(1), MaxPollInterval = TimeSpan.FromSeconds(2), Timeout = TimeSpan.FromSeconds(3) });

        // Waits of 1 s, then 1.5 s, then what is left of the 3 s (0.5 s, not 2 s): four polls in all, then it gives up.
        foreach (var wait in new[] { 1.0, 1.5, 0.5 })
        {
            await clock.WaitForTimerAsync(TimeSpan.FromSeconds(wait));
            clock.Advance(TimeSpan.FromSeconds(wait));
        }

        var error = await Assert.ThrowsAsync<MieltoTimeoutException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains("1 of 1 contents were still ingesting after 3 s", error.Message, StringComparison.Ordinal);
        Assert.Contains(stuck.Id, error.Message, StringComparison.Ordinal);
        Assert.Equal(4, Server.Requests.Count(r => r.Operation == Mielto.Client.Testing.MieltoOperation.GetContent));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => contents.WaitForIngestionAsync([stuck.Id], new IngestionWaitOptions { PollInterval = TimeSpan.Zero }));
    }

    [Fact]
    public async Task A_bulk_delete_reports_each_id()
    {
        var kept = Server.AddContent("col_1", "a.md");

        var result = await _contents.DeleteManyAsync([kept.Id, "con_missing"]);

        Assert.Equal([kept.Id], result.DeletedIds);
        Assert.Equal(["con_missing"], result.FailedIds);
        Assert.Empty(Server.Contents);
    }
}
