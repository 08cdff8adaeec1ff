using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Tests.Infrastructure;
using WireMock.RequestBuilders;

namespace Mielto.Client.Tests.Collections;

/// <summary>The collection operations at the wire: what is sent, each success form the sources show, errors, retries, telemetry.</summary>
[Collection(PagingCollection.Name)]
public sealed class CollectionWireTests(WireServer wire) : WireTest(wire)
{
    private const string Col1 = """{"id":"col_1","name":"Docs","description":null,"store_type":"pgvector","visibility":"private","status":"active","tags":["a"],"stats":{"document_count":3},"meta_data":{"team":"x"},"workspace_id":"wsp_1","created_at":"2024-01-15T10:00:00","updated_at":"2024-01-15T10:00:00Z"}""";

    private ICollectionsClient Collections(Action<MieltoClientOptions>? configure = null) => Services(configure).GetRequiredService<ICollectionsClient>();

    private static string Item(string id) => $$"""{"id":"{{id}}","name":"name of {{id}}"}""";

    [Theory]
    [InlineData(201)]
    [InlineData(200)]
    public async Task Create_sends_only_what_is_set_and_reads_201_or_200(int status)
    {
        Respond(status, Col1);

        var created = await Collections().CreateAsync(new CollectionCreateRequest
        {
            Name = "Docs",
            Tags = ["a"],
            MetaData = new Dictionary<string, System.Text.Json.JsonElement> { ["team"] = System.Text.Json.JsonSerializer.SerializeToElement("x") },
        });

        var request = Assert.Single(Wire.Requests);
        Assert.Equal(("POST", "/api/v1/collections"), (request.RequestMessage!.Method, request.RawTarget()));
        Assert.Equal("""{"name":"Docs","tags":["a"],"meta_data":{"team":"x"}}""", request.RequestMessage.Body);
        Assert.Equal("Bearer " + ApiKey, request.Header("Authorization"));
        Assert.Equal(("col_1", "Docs", CollectionStatus.Active, CollectionVisibility.Private, CollectionStoreType.PgVector), (created.Id, created.Name, created.Status, created.Visibility, created.StoreType));
        Assert.Equal(new DateTimeOffset(2024, 1, 15, 10, 0, 0, TimeSpan.Zero), created.CreatedAt);
        Assert.Equal(3, created.Stats!["document_count"].GetInt32());
        Assert.Equal("x", created.MetaData!["team"].GetString());
    }

    [Fact]
    public async Task A_status_the_SDK_does_not_know_is_kept_as_sent()
    {
        Respond(200, Col1.Replace("\"active\"", "\"paused\"", StringComparison.Ordinal).Replace("\"pgvector\"", "\"weaviate\"", StringComparison.Ordinal));

        var collection = await Collections().GetAsync("col_1");

        Assert.Equal("paused", collection.Status.ToString());
        Assert.Equal(new CollectionStoreType("weaviate"), collection.StoreType);
    }

    [Fact]
    public async Task A_create_is_not_sent_again_after_a_503_but_a_get_is()
    {
        Respond(503, """{"detail":"busy"}""");

        await Assert.ThrowsAsync<MieltoServerException>(() => Collections().CreateAsync(new CollectionCreateRequest { Name = "Docs" }));
        Assert.Single(Wire.Requests);

        Wire.Reset();
        Respond(503, """{"detail":"busy"}""");
        await Assert.ThrowsAsync<MieltoServerException>(() => Collections(o => o.MaxRetries = 2).GetAsync("col_1"));
        Assert.Equal(3, Wire.Requests.Count);
    }

    [Theory]
    [InlineData(202, """{"message":"Deletion started","collection_id":"col 1/x","status":"deleting","job_id":"job_9"}""", "deleting", "job_9")]
    [InlineData(200, """{"collection_id":"col 1/x","status":"deleted"}""", "deleted", null)]
    [InlineData(204, null, null, null)]
    [InlineData(202, "", null, null)]
    public async Task Delete_reads_202_200_and_204_with_a_body_or_without(int status, string? body, string? state, string? job)
    {
        if (body is null)
        {
            Respond(status);
        }
        else
        {
            RespondRaw(status, body, body.Length == 0 ? null : "application/json");
        }

        var deleted = await Collections().DeleteAsync("col 1/x", workspaceId: "wsp_2");

        Assert.Equal(("col 1/x", state, job), (deleted.CollectionId, deleted.Status, deleted.JobId));
        var request = Assert.Single(Wire.Requests);
        Assert.Equal(("DELETE", "/api/v1/collections/col%201%2Fx"), (request.RequestMessage!.Method, request.RawTarget()));
        Assert.Equal("wsp_2", request.Header("X-Workspace-Id"));
    }

    [Fact]
    public async Task List_sends_the_offset_the_limit_and_every_filter_and_reads_the_grand_total()
    {
        Respond(200, $$"""{"data":[{{Item("col_1")}}],"total_count":42,"page":1,"limit":1}""");

        var page = await Collections().ListAsync(new CollectionListOptions
        {
            Skip = 5,
            Limit = 1,
            Status = CollectionStatus.Archived,
            Visibility = CollectionVisibility.Public,
            Search = "tea & co",
            Tags = ["a", "b"],
        });

        Assert.Equal((1, 42), (page.Collections.Count, page.TotalCount));
        Assert.Equal("/api/v1/collections?skip=5&limit=1&status=archived&visibility=public&search=tea%20%26%20co&tags=a%2Cb", Assert.Single(Wire.Requests).RawTarget());
    }

    [Fact]
    public async Task ListAll_pages_by_offset_until_the_total()
    {
        for (var skip = 0; skip < 5; skip += 2)
        {
            var ids = Enumerable.Range(skip, Math.Min(2, 5 - skip)).Select(i => Item($"col_{i}"));
            Wire.Server.Given(Request.Create().UsingGet().WithPath("/api/v1/collections").WithParam("skip", skip.ToString(System.Globalization.CultureInfo.InvariantCulture)))
                .RespondWith(Json(200, $$"""{"data":[{{string.Join(",", ids)}}],"total_count":5}"""));
        }

        var all = await Collections().ListAllAsync(new CollectionListOptions { Limit = 2 }).Select(c => c.Id).ToListAsync();

        Assert.Equal(["col_0", "col_1", "col_2", "col_3", "col_4"], all);
        Assert.Equal(["/api/v1/collections?skip=0&limit=2", "/api/v1/collections?skip=2&limit=2", "/api/v1/collections?skip=4&limit=2"], Wire.Requests.Select(r => r.RawTarget()));
    }

    [Fact]
    public async Task ListAll_survives_a_server_that_repeats_a_page()
    {
        Respond(200, $$"""{"data":[{{Item("col_1")}},{{Item("col_2")}}],"total_count":1000}""");

        var all = await Collections().ListAllAsync(new CollectionListOptions { Limit = 2 }).Select(c => c.Id).ToListAsync();

        Assert.Equal(["col_1", "col_2"], all);
        Assert.Equal(2, Wire.Requests.Count);
    }

    [Fact]
    public async Task Search_sends_k_and_reads_scored_results()
    {
        Respond(200, """{"results":[{"content":"Green tea","score":0.9,"metadata":{"page":2},"content_id":"con_1","source":"tea.md"}],"total_results":1,"query":"tea","search_type":"hybrid","collection_id":"col_1","execution_time_ms":12.5}""");

        var found = await Collections().SearchAsync(new CollectionSearchRequest
        {
            Query = "tea",
            CollectionId = "col_1",
            SearchType = CollectionSearchType.Vector,
            K = 3,
            ScoreThreshold = 0.5,
            Filters = System.Text.Json.JsonDocument.Parse("""{"kind":"doc"}""").RootElement,
        });

        Assert.Equal("""{"query":"tea","collection_id":"col_1","search_type":"vector","k":3,"score_threshold":0.5,"filters":{"kind":"doc"}}""", Assert.Single(Wire.Requests).RequestMessage!.Body);
        var result = Assert.Single(found.Results);
        Assert.Equal(("Green tea", 0.9, "con_1", "tea.md", 2), (result.Content, result.Score, result.ContentId, result.Source, result.Metadata!["page"].GetInt32()));
        Assert.Equal((1, CollectionSearchType.Hybrid, 12.5), (found.TotalResults, found.SearchType, found.ExecutionTimeMs));
    }

    [Theory]
    [InlineData("""{"detail":"Collection not found"}""", true)]
    [InlineData("""{"detail":"Not Found"}""", false)]
    public async Task The_APIs_404_is_not_found_and_a_routers_404_points_at_the_address(string body, bool application)
    {
        Respond(404, body);
        var collections = Collections();

        var error = await Assert.ThrowsAnyAsync<MieltoApiException>(() => collections.GetAsync("col_1"));

        Assert.Equal(application, error is MieltoNotFoundException);
        if (application)
        {
            Assert.Null(await collections.GetIfExistsAsync("col_1"));
        }
        else
        {
            await Assert.ThrowsAsync<MieltoApiException>(() => collections.GetIfExistsAsync("col_1"));
        }

        Assert.Contains(application ? "The collection does not exist" : "BaseAddress", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_422_is_a_validation_exception_with_the_fields()
    {
        Respond(422, """{"detail":[{"loc":["body","name"],"msg":"String should have at most 100 characters","type":"string_too_long"}]}""");

        var error = await Assert.ThrowsAsync<MieltoValidationException>(() => Collections().UpdateAsync("col_1", new CollectionUpdateRequest { Name = "x" }));

        Assert.Equal("body.name", string.Join('.', Assert.Single(error.Errors).Location));
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("search")]
    public async Task An_id_that_could_address_another_resource_is_refused_before_sending(string id)
    {
        var collections = Collections();

        await Assert.ThrowsAsync<ArgumentException>(() => collections.GetAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.DeleteAsync(id));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UpdateAsync(id, new CollectionUpdateRequest { Name = "x" }));

        Assert.Empty(Wire.Requests);
    }

    [Fact]
    public async Task Input_the_API_would_refuse_is_refused_before_sending()
    {
        var collections = Collections();

        await Assert.ThrowsAsync<ArgumentException>(() => collections.CreateAsync(new CollectionCreateRequest { Name = new string('n', 101) }));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.CreateAsync(new CollectionCreateRequest { Name = "n", Description = new string('d', 256) }));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.UpdateAsync("col_1", new CollectionUpdateRequest()));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => collections.ListAsync(new CollectionListOptions { Limit = 1001 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => collections.ListAsync(new CollectionListOptions { Skip = -1 }));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.ListAsync(new CollectionListOptions { Tags = ["a,b"] }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => collections.SearchAsync(new CollectionSearchRequest { Query = "q", CollectionId = "c", K = 101 }));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => collections.SearchAsync(new CollectionSearchRequest { Query = "q", CollectionId = "c", ScoreThreshold = 1.5 }));
        await Assert.ThrowsAsync<ArgumentException>(() => collections.SearchAsync(new CollectionSearchRequest { Query = "q", CollectionId = ".." }));

        Assert.Empty(Wire.Requests);
    }

    [Fact]
    public async Task Each_call_is_one_span_that_names_the_resource()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == MieltoTelemetry.SourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        listener.ActivityStopped = spans.Enqueue;
        ActivitySource.AddActivityListener(listener);
        Respond(200, Col1);
        using var test = new Activity("test").Start();

        await Collections().GetAsync("col_1");

        var span = Assert.Single(spans, s => s.TraceId == test.TraceId);
        Assert.Equal("Mielto GET collection", span.DisplayName);
        Assert.Equal("collections.get", span.GetTagItem("mielto.operation"));
        Assert.Equal("col_1", span.GetTagItem("mielto.collection.id"));
    }

    [Fact]
    public async Task The_client_built_without_a_container_has_the_collections_too()
    {
        Respond(200, Col1);
        using var client = new MieltoClient(new MieltoClientOptions { BaseAddress = Wire.BaseAddress, ApiKey = ApiKey, ApiKeyHeader = MieltoApiKeyHeader.XApiKey });

        var collection = await client.Collections.GetAsync("col_1");

        Assert.Equal("col_1", collection.Id);
        var request = Assert.Single(Wire.Requests);
        Assert.Equal(ApiKey, request.Header("X-API-Key"));
        Assert.False(request.HasHeader("Authorization"));
    }
}
