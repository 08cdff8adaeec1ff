using System.Text;
using CsCheck;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// Property: whatever a server answers (arbitrary bytes, truncated or wrongly shaped JSON, huge bodies, wrong
/// content types, on every status the SDK handles), every operation ends promptly in either its typed result or a
/// <see cref="MieltoException"/> subtype with a useful message: never a NullReferenceException, JsonException,
/// InvalidOperationException, or a hang.
/// </summary>
public sealed class ResponseFuzzTests : IDisposable
{
    private static readonly int Iterations = RunSize.From("MIELTO_PROPERTY_ITERATIONS", 2000);

    private static readonly Gen<int> Status = Gen.OneOf(200, 200, 200, 201, 202, 204, 301, 307, 400, 401, 402, 403, 404, 408, 409, 418, 422, 429, 500, 501, 502, 503, 504);

    private static readonly Gen<string?> ContentType = Gen.OneOf<string?>("application/json", "application/json; charset=utf-8", "text/html", "text/plain", "application/octet-stream", "application/problem+json", null);

    private static readonly Gen<Infrastructure.OperationCase> Operation = Gen.OneOf([.. Infrastructure.OperationCase.All.Select(Gen.Const)]);

    private static readonly string[] ValidBodies =
    [
        .. Infrastructure.OperationCase.All.Select(o => o.SuccessBody),
        """{"memories":[{"memory_id":"m","user_id":"u","memory":"c","created_at":"2024-13-45T99:00:00","metadata":[]}],"has_more":true,"next_cursor":5}""",
        """{"data":[{"memory_id":"m","user_id":"u","memory":"c","topics":[null,1]}],"total_count":"1"}""",
        """{"memory_id":"m","message":"ok","memory":null,"old_memory":{},"new_memory":{"memory_id":"m"}}""",
        """{"detail":"Memory not found","error_code":"NOT_FOUND"}""",
        """{"detail":[{"loc":["path","memory_id",0],"msg":"bad","type":"value_error","ctx":{"x":1},"input":null,"url":"u"}]}""",
        """{"detail":"Limit","error_code":"CREDIT_LIMIT_EXCEEDED"}""",
    ];

    private static readonly Gen<byte[]> Body = Gen.Frequency(
        (3, Gen.Byte.Array[0, 300]),
        (3, Gen.Int[0, ValidBodies.Length - 1].SelectMany(i => Gen.Int[0, ValidBodies[i].Length].Select(cut => Encoding.UTF8.GetBytes(ValidBodies[i][..cut])))),
        (3, Gen.Int[0, ValidBodies.Length - 1].Select(i => Encoding.UTF8.GetBytes(ValidBodies[i]))),
        (3, Gen.OneOf<string>("null", "[]", "{}", "0", "\"x\"", "true", """{"memory_id":null}""", """{"memory_id":1}""", """{"memory_id":"m","message":5}""", """{"detail":{}}""", """{"detail":[1,"x",null,{"loc":"x"}]}""", """{"detail":[{"loc":[{"a":1},1.5,true]}]}""", "{\"memory_id\":\"\\ud800\"}", new string('[', 5000)).Select(Encoding.UTF8.GetBytes)),
        (2, Gen.String.Select(Encoding.UTF8.GetBytes)),
        (1, Gen.Int[300_000, 1_200_000].Select(size => Encoding.UTF8.GetBytes("{\"memory_id\":\"" + new string('x', size) + "\",\"message\":\"m\"}"))));

    private readonly ITestOutputHelper _output;
    private readonly RawHttpServer _server;
    private readonly SdkClient _client;
    private (int Status, string? ContentType, byte[] Body) _next;

    public ResponseFuzzTests(ITestOutputHelper output)
    {
        _output = output;
        _server = new RawHttpServer(exchange => exchange.RespondAsync(_next.Status, _next.Body, _next.ContentType));
        _client = new SdkClient(_server.BaseAddress, "mk_fuzz", o =>
        {
            o.MaxRetries = 0;
            o.Timeout = TimeSpan.FromSeconds(5);

            // Below the largest bodies generated, so that the cap is exercised too.
            o.MaxResponseBytes = 256 * 1024;
        });
    }

    public void Dispose()
    {
        _client.Dispose();
        _server.Dispose();
    }

    [Fact]
    public async Task Any_response_ends_in_the_result_or_a_MieltoException()
    {
        var outcomes = new Dictionary<string, int>();
        await Gen.Select(Operation, Status, ContentType, Body).SampleAsync(
            async (operation, status, contentType, body) =>
            {
                // A 204 has no body by definition; sending one would corrupt the connection, not the response.
                _next = (status, contentType, status == 204 ? [] : body);
                string outcome;
                try
                {
                    var result = await operation.Invoke(_client.Client, null).WaitAsync(TimeSpan.FromSeconds(10));
                    Assert.InRange(status, 200, 299);
                    AssertComplete(result);
                    outcome = "result";
                }
                catch (MieltoException error)
                {
                    Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
                    Assert.Contains(operation.Call, error.Message);
                    Assert.True(error.Message.Length < 2000, "the message stays readable");
                    if (error is MieltoApiException api)
                    {
                        Assert.Equal(status, (int)api.StatusCode);
                        Assert.True(api.ResponseBody is null || api.ResponseBody.Length <= 4097);
                    }
                    else
                    {
                        Assert.InRange(status, 200, 299);
                    }

                    outcome = error.GetType().Name;
                }

                lock (outcomes)
                {
                    outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
                }
            },
            writeLine: _output.WriteLine,
            iter: Iterations,
            threads: 1,
            print: t => $"{t.Item1.Name}: status {t.Item2}, content type {t.Item3 ?? "none"}, {t.Item4.Length} bytes: {Encoding.UTF8.GetString(t.Item4.AsSpan(0, Math.Min(200, t.Item4.Length)))}");

        _output.WriteLine($"{Iterations} responses: " + string.Join(", ", outcomes.OrderByDescending(o => o.Value).Select(o => $"{o.Value} {o.Key}")));
        Assert.True(outcomes.GetValueOrDefault("result") > 0 && outcomes.GetValueOrDefault(nameof(MieltoException)) > 0);
    }

    /// <summary>A result never hands its caller a null where the model promises a value.</summary>
    private static void AssertComplete(object? result)
    {
        static void Complete(Memory memory) => Assert.True(memory is { MemoryId: not null, UserId: not null, Content: not null });
        switch (result)
        {
            case MemoryDeleteResponse deleted:
                Assert.True(deleted is { MemoryId: not null, Message: not null });
                break;
            case Memory memory:
                Complete(memory);
                break;
            case MemoryCreateResponse created:
                Complete(created.Memory);
                break;
            case MemoryUpdateResponse updated:
                Complete(updated.Memory);
                break;
            case MemoryReplaceResponse replaced:
                Complete(replaced.OldMemory);
                Complete(replaced.NewMemory);
                break;
            case MemoryPage page:
                Assert.All(page.Memories, Complete);
                break;
            case MemorySearchResponse found:
                Assert.All(found.Memories, Complete);
                break;
            case MemoryFromMessagesResponse fromMessages:
                Assert.True(fromMessages is { Message: not null, MemoryIds: not null });
                break;
            case MemoryChunkPage chunks:
                Assert.All(chunks.Chunks, c => Assert.True(c is { Id: not null, Content: not null }));
                break;
            case Collection collection:
                Assert.True(collection is { Id: not null, Name: not null });
                break;
            case CollectionPage collections:
                Assert.All(collections.Collections, c => Assert.True(c is { Id: not null, Name: not null }));
                break;
            case CollectionDeleteResult deleted:
                Assert.NotNull(deleted.CollectionId);
                break;
            case CollectionSearchResponse found:
                Assert.All(found.Results, r => Assert.NotNull(r.Content));
                break;
            case CollectionContent content:
                Assert.True(content is { Id: not null, Name: not null });
                break;
            case ContentPage contents:
                Assert.All(contents.Contents, c => Assert.True(c is { Id: not null, Name: not null }));
                break;
            case ContentDeleteManyResult deletedMany:
                Assert.True(deletedMany is { DeletedIds: not null, FailedIds: not null, Errors: not null });
                break;
            case ChunkPage chunkPage:
                Assert.All(chunkPage.Chunks, c => Assert.True(c is { Id: not null, Content: not null }));
                break;
            case UploadResult uploaded:
                Assert.All(uploaded.Contents, Assert.NotNull);
                Assert.Equal(uploaded.Contents.Count(c => c.Succeeded), uploaded.Succeeded.Count);
                break;
            case CompressResult compressed:
                Assert.NotNull(compressed.Status);
                break;
            case ChunkCreationResult chunked:
                Assert.True(chunked is { Status: not null, Message: not null, ContentIdsProcessed: not null, ContentIdsFailed: not null });
                break;
            case string deleted:
                Assert.Equal("deleted con_1", deleted);
                break;
            case MemoryProfile profile:
                Assert.NotNull(profile.UserId);
                if (profile.Profile is { } profileMemory)
                {
                    Complete(profileMemory);
                }

                break;
            default:
                Assert.Fail($"unexpected result {result}");
                break;
        }
    }
}
