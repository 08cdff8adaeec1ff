using System.Net;
using Mielto.Client.Testing;
using Mielto.Client.Tests.StandIn;

namespace Mielto.Client.Tests.Collections;

/// <summary>The collection operations end to end against the stand-in, which applies the API's known rules.</summary>
[Collection(StandInCollection.Name)]
public sealed class CollectionStandInTests(StandInFixture fixture) : StandInTest(fixture)
{
    private readonly ICollectionsClient _collections = fixture.Client.Collections;

    [Fact]
    public async Task A_collection_is_created_read_changed_listed_and_deleted()
    {
        var created = await _collections.CreateAsync(new CollectionCreateRequest { Name = "Product docs", Description = "What we ship", Tags = ["docs"] });

        Assert.StartsWith("col_", created.Id, StringComparison.Ordinal);
        Assert.Equal((CollectionStatus.Active, CollectionVisibility.Private, CollectionStoreType.PgVector), (created.Status, created.Visibility, created.StoreType));
        Assert.Equal(201, Server.Requests[^1].StatusCode);
        Assert.Equal("Product docs", (await _collections.GetAsync(created.Id)).Name);

        var changed = await _collections.UpdateAsync(created.Id, new CollectionUpdateRequest { Description = "Everything we ship" });
        Assert.Equal(("Product docs", "Everything we ship"), (changed.Name, changed.Description));

        var page = await _collections.ListAsync(new CollectionListOptions { Tags = ["docs"] });
        Assert.Equal((1, 1), (page.Collections.Count, page.TotalCount));

        var deleted = await _collections.DeleteAsync(created.Id);
        Assert.Equal(("deleting", created.Id), (deleted.Status, deleted.CollectionId));
        Assert.StartsWith("job_", deleted.JobId, StringComparison.Ordinal);
        Assert.Equal(202, Server.Requests[^1].StatusCode);
        Assert.Null(await _collections.GetIfExistsAsync(created.Id));
        await Assert.ThrowsAsync<MieltoNotFoundException>(() => _collections.DeleteAsync(created.Id));
        Assert.Empty(Server.Collections);
    }

    [Fact]
    public async Task An_id_is_sent_exactly_as_given()
    {
        Server.AddCollection("col 1/ü?#%", "Odd");

        Assert.Equal("Odd", (await _collections.GetAsync("col 1/ü?#%")).Name);
        Assert.Equal("/api/v1/collections/col%201%2F%C3%BC%3F%23%25", Server.Requests[^1].RawPath);
    }

    [Fact]
    public async Task ListAll_reads_every_page_and_the_filters_narrow_the_total()
    {
        for (var i = 0; i < 250; i++)
        {
            Server.AddCollection($"col_{i:D3}", i % 2 == 0 ? $"Even {i}" : $"Odd {i}", status: i < 10 ? "archived" : "active");
        }

        var all = await _collections.ListAllAsync().Select(c => c.Id).ToListAsync();
        var archived = await _collections.ListAsync(new CollectionListOptions { Status = CollectionStatus.Archived, Limit = 3 });
        var even = await _collections.ListAsync(new CollectionListOptions { Search = "even", Skip = 120 });

        Assert.Equal(250, all.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3, Server.Requests.Count(r => r.Operation == MieltoOperation.ListCollections) - 2);
        Assert.Equal((3, 10), (archived.Collections.Count, archived.TotalCount));
        Assert.Equal((5, 125), (even.Collections.Count, even.TotalCount));
    }

    [Fact]
    public async Task Search_scores_chunks_by_the_words_they_share_with_the_query()
    {
        Server.AddCollection("col_tea", "Tea");
        Server.AddChunk("col_tea", "Green tea is brewed at 80 degrees", source: "green.md");
        Server.AddChunk("col_tea", "Black tea takes boiling water", source: "black.md");
        Server.AddChunk("col_tea", "Coffee is not tea", source: "coffee.md");

        var found = await _collections.SearchAsync(new CollectionSearchRequest { Query = "green tea temperature degrees", CollectionId = "col_tea", K = 2 });

        Assert.Equal(["green.md", "black.md"], found.Results.Select(r => r.Source));
        Assert.Equal(0.75, found.Results[0].Score);
        Assert.Equal(("col_tea", 2), (found.CollectionId, found.TotalResults));
        await Assert.ThrowsAsync<MieltoNotFoundException>(() => _collections.SearchAsync(new CollectionSearchRequest { Query = "tea", CollectionId = "col_none" }));
    }

    [Fact]
    public async Task Collections_are_per_workspace()
    {
        var theirs = await _collections.CreateAsync(new CollectionCreateRequest { Name = "Team" }, workspaceId: "wsp_team");

        Assert.Null(await _collections.GetIfExistsAsync(theirs.Id));
        Assert.Equal("Team", (await _collections.GetAsync(theirs.Id, workspaceId: "wsp_team")).Name);
        Assert.Equal(0, (await _collections.ListAsync()).TotalCount);
        await Assert.ThrowsAsync<MieltoPermissionException>(() => _collections.ListAsync(workspaceId: "wsp_other"));
    }

    [Fact]
    public async Task A_fault_aimed_at_a_collection_operation_reaches_it_only()
    {
        Server.AddCollection("col_1", "Docs");
        Server.FailNext(1, HttpStatusCode.ServiceUnavailable, operation: MieltoOperation.CreateCollection);

        Assert.Equal("Docs", (await _collections.GetAsync("col_1")).Name);
        await Assert.ThrowsAsync<MieltoServerException>(() => _collections.CreateAsync(new CollectionCreateRequest { Name = "Second" }));
        Assert.Single(Server.Collections);
    }

    [Fact]
    public async Task The_stand_in_refuses_what_the_API_refuses()
    {
        using var http = new HttpClient { BaseAddress = Server.BaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Server.ApiKey);

        using var tooLong = await http.PostAsync("api/v1/collections", new StringContent($$"""{"name":"{{new string('n', 101)}}"}""", System.Text.Encoding.UTF8, "application/json"));
        using var noName = await http.PostAsync("api/v1/collections", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        using var badLimit = await http.GetAsync("api/v1/collections?limit=1001");

        Assert.Equal([HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity, HttpStatusCode.UnprocessableEntity], [tooLong.StatusCode, noName.StatusCode, badLimit.StatusCode]);
        Assert.Empty(Server.Collections);
    }
}
