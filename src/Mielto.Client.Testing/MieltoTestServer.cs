using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mielto.Client.Testing;

/// <summary>
/// A stateful, in-memory stand-in for the Mielto memory API, served over real HTTP on 127.0.0.1, for testing
/// code that uses <see cref="IMemoriesClient"/> against something that behaves like Mielto. Seed memories,
/// call it through the real SDK, then inspect what is left and which requests arrived. Thread-safe.
/// </summary>
/// <example>
/// <code>
/// await using var server = await MieltoTestServer.StartAsync();
/// server.AddMemory("mem_1", userId: "user_42");
/// using var client = server.CreateClient();
/// await client.Memories.DeleteAsync("mem_1", userId: "user_42");
/// Assert.Empty(server.Memories);
/// </code>
/// </example>
public sealed class MieltoTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly MieltoTestServerOptions _options;
    private readonly MemoryStore _store = new();
    private readonly CollectionStore _collections;
    private readonly FaultSchedule _faults = new();
    private readonly ChatStreamFaults _chatFaults = new();
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly MemoryApi _api;
    private readonly RateLimiter? _rateLimiter;

    private MieltoTestServer(WebApplication app, MieltoTestServerOptions options)
    {
        _app = app;
        _options = options;
        _collections = new CollectionStore(options);
        _api = new MemoryApi(options, _store, _collections, _chatFaults);
        _rateLimiter = options.RateLimit is { } perSecond ? new RateLimiter(perSecond, options.TimeProvider) : null;
        _app.Run(HandleAsync);
    }

    /// <summary>The API key the server accepts.</summary>
    public string ApiKey => _options.ApiKey;

    /// <summary>The workspace a call without <c>X-Workspace-Id</c> acts in.</summary>
    public string DefaultWorkspaceId => _options.DefaultWorkspaceId;

    /// <summary>The server's address, such as <c>http://127.0.0.1:41234/</c>; set it as <see cref="MieltoClientOptions.BaseAddress"/>.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The memories held now, in every workspace, ordered by workspace and id.</summary>
    public IReadOnlyList<TestMemory> Memories => _store.Snapshot();

    /// <summary>The knowledge collections held now, in every workspace, oldest first.</summary>
    public IReadOnlyList<TestCollection> Collections => _collections.Snapshot();

    /// <summary>
    /// The requests answered (or dropped) so far, in the order they arrived, with the status each was answered
    /// with. A request still being delayed appears once it is answered.
    /// </summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests.OrderBy(r => r.ReceivedAt)];

    /// <summary>Starts a server on a free port of 127.0.0.1.</summary>
    /// <param name="configure">Sets the server's options: its API key and workspaces.</param>
    /// <param name="cancellationToken">Cancels the start.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<MieltoTestServer> StartAsync(Action<MieltoTestServerOptions>? configure = null, CancellationToken cancellationToken = default)
    {
        var options = new MieltoTestServerOptions();
        configure?.Invoke(options);
        if (string.IsNullOrWhiteSpace(options.ApiKey) || string.IsNullOrWhiteSpace(options.DefaultWorkspaceId))
        {
            throw new ArgumentException("The stand-in needs an ApiKey and a DefaultWorkspaceId.", nameof(configure));
        }

        if (options.ListArrayName is not ("memories" or "data") || options.TimeProvider is null || options.RateLimit is <= 0 || options.EmbeddingDimensions <= 0 || options.Latency < TimeSpan.Zero)
        {
            throw new ArgumentException("ListArrayName must be 'memories' or 'data', TimeProvider set, RateLimit and EmbeddingDimensions positive, and Latency not negative.", nameof(configure));
        }

        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, 0);

            // Mielto documents no size limit on an upload; Kestrel's default of 30 MB would refuse a large file.
            kestrel.Limits.MaxRequestBodySize = null;
        });
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(1));
        var server = new MieltoTestServer(builder.Build(), options);
        await server._app.StartAsync(cancellationToken).ConfigureAwait(false);
        var address = server._app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        server.BaseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        return server;
    }

    /// <summary>Points <paramref name="options"/> at this server: its address and API key.</summary>
    /// <param name="options">The client options to set, for example in <c>services.AddMieltoClient(server.Configure)</c>.</param>
    public void Configure(MieltoClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.BaseAddress = BaseAddress;
        options.ApiKey = ApiKey;
    }

    /// <summary>Creates a <see cref="MieltoClient"/> pointed at this server, with the SDK's usual pipeline.</summary>
    /// <param name="configure">Changes further options, such as <see cref="MieltoClientOptions.RetryDelay"/> for fast tests.</param>
    /// <returns>A client that the caller disposes.</returns>
    public MieltoClient CreateClient(Action<MieltoClientOptions>? configure = null)
    {
        var options = new MieltoClientOptions();
        Configure(options);
        configure?.Invoke(options);
        return new MieltoClient(options);
    }

    /// <summary>Stores a memory, replacing any with the same id in the same workspace.</summary>
    /// <param name="memoryId">Its id.</param>
    /// <param name="userId">The user who owns it.</param>
    /// <param name="workspaceId">Its workspace; null for <see cref="DefaultWorkspaceId"/>.</param>
    /// <param name="content">What it says.</param>
    /// <param name="topics">Its topics; null for none.</param>
    /// <param name="metadata">Its metadata, any JSON; null for none.</param>
    /// <param name="createdAt">When it was created (and last changed); null for now, by <see cref="MieltoTestServerOptions.TimeProvider"/>.</param>
    /// <returns>The stored memory.</returns>
    public TestMemory AddMemory(string memoryId, string userId, string? workspaceId = null, string content = "", IEnumerable<string>? topics = null, IReadOnlyDictionary<string, JsonElement>? metadata = null, DateTimeOffset? createdAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(memoryId);
        ArgumentNullException.ThrowIfNull(userId);
        var at = createdAt ?? _options.TimeProvider.GetUtcNow();
        var memory = new TestMemory(memoryId, userId, workspaceId ?? DefaultWorkspaceId, content, topics is null ? null : [.. topics], metadata, "user", at, at);
        _store.Add(memory);
        return memory;
    }

    /// <summary>Returns the memory with this id in this workspace, or null.</summary>
    /// <param name="memoryId">Its id.</param>
    /// <param name="workspaceId">Its workspace; null for <see cref="DefaultWorkspaceId"/>.</param>
    public TestMemory? FindMemory(string memoryId, string? workspaceId = null) => _store.Find(workspaceId ?? DefaultWorkspaceId, memoryId);

    /// <summary>Stores a knowledge collection as if it had been created, for a test to start from.</summary>
    /// <param name="id">Its id.</param>
    /// <param name="name">Its name.</param>
    /// <param name="workspaceId">Its workspace; null for <see cref="DefaultWorkspaceId"/>.</param>
    /// <param name="description">Its description.</param>
    /// <param name="status">Its status.</param>
    /// <param name="visibility">Its visibility.</param>
    /// <param name="tags">Its tags.</param>
    /// <param name="createdAt">When it was created; null for now.</param>
    /// <returns>The stored collection.</returns>
    public TestCollection AddCollection(string id, string name, string? workspaceId = null, string? description = null, string status = "active", string visibility = "private", IEnumerable<string>? tags = null, DateTimeOffset? createdAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentNullException.ThrowIfNull(name);
        var at = createdAt ?? _options.TimeProvider.GetUtcNow();
        var collection = new TestCollection(id, workspaceId ?? DefaultWorkspaceId, name, description, status, visibility, "pgvector", tags is null ? null : [.. tags], null, at, at);
        _collections.Add(collection);
        return collection;
    }

    /// <summary>The contents (documents) of the collections held now, in every workspace, oldest first.</summary>
    public IReadOnlyList<TestContent> Contents => _collections.ContentSnapshot();

    /// <summary>Stores a content (a document) of a collection as if it had been uploaded, for a test to start from.</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="name">Its name.</param>
    /// <param name="status">Its ingestion status: <c>completed</c> unless set.</param>
    /// <param name="contentId">Its id; null for a new one.</param>
    /// <param name="workspaceId">Its workspace; null for <see cref="DefaultWorkspaceId"/>.</param>
    /// <param name="size">Its size in bytes.</param>
    /// <param name="createdAt">When it was created; null for now.</param>
    /// <returns>The stored content.</returns>
    public TestContent AddContent(string collectionId, string name, string status = "completed", string? contentId = null, string? workspaceId = null, long size = 0, DateTimeOffset? createdAt = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(collectionId);
        ArgumentNullException.ThrowIfNull(name);
        var at = createdAt ?? _options.TimeProvider.GetUtcNow();
        var content = new TestContent(contentId ?? "con_" + Guid.NewGuid().ToString("N")[..24], collectionId, workspaceId ?? DefaultWorkspaceId, name, "text/plain", size, status, null, null, at, at);
        _collections.Add(content);
        return content;
    }

    /// <summary>Adds a chunk of content to a collection, for a collection search to find (by the words it shares with the query).</summary>
    /// <param name="collectionId">The collection.</param>
    /// <param name="content">The chunk's text.</param>
    /// <param name="contentId">The content it is from; null for a new id.</param>
    /// <param name="source">Where the content came from, if you want it in the results.</param>
    /// <returns>The chunk.</returns>
    public TestChunk AddChunk(string collectionId, string content, string? contentId = null, string? source = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(collectionId);
        ArgumentNullException.ThrowIfNull(content);
        var chunk = new TestChunk("chunk_" + Guid.NewGuid().ToString("N")[..24], collectionId, contentId ?? "con_" + Guid.NewGuid().ToString("N")[..24], content, source);
        _collections.Add(chunk);
        return chunk;
    }

    /// <summary>Answers the next <paramref name="count"/> requests with <paramref name="status"/> instead of handling them.</summary>
    /// <param name="count">How many requests fail.</param>
    /// <param name="status">The status to answer with, such as 503 or 429.</param>
    /// <param name="retryAfter">A <c>Retry-After</c> to send with it (whole seconds, rounded up).</param>
    /// <param name="operation">Only requests to this operation; null for any request.</param>
    public void FailNext(int count, HttpStatusCode status, TimeSpan? retryAfter = null, MieltoOperation? operation = null) =>
        _faults.Add(count, new Fault.Status(status, retryAfter), operation);

    /// <summary>Holds each of the next <paramref name="count"/> requests for <paramref name="delay"/>, then handles it as usual.</summary>
    /// <param name="count">How many requests are delayed.</param>
    /// <param name="delay">How long each waits.</param>
    /// <param name="operation">Only requests to this operation; null for any request.</param>
    public void DelayNext(int count, TimeSpan delay, MieltoOperation? operation = null) => _faults.Add(count, new Fault.Delay(delay), operation);

    /// <summary>Breaks the connection of each of the next <paramref name="count"/> requests without answering (the request itself has arrived).</summary>
    /// <param name="count">How many requests are dropped.</param>
    /// <param name="operation">Only requests to this operation; null for any request.</param>
    public void DropNext(int count, MieltoOperation? operation = null) => _faults.Add(count, new Fault.Drop(), operation);

    /// <summary>
    /// Makes the next streamed chat wait <paramref name="beforeFirstEvent"/> after its headers (and a comment) before its
    /// first event: for testing a time-to-first-byte limit, or what your code shows while it waits.
    /// </summary>
    /// <param name="beforeFirstEvent">How long it waits, on <see cref="MieltoTestServerOptions.TimeProvider"/>.</param>
    public void PauseNextChatStream(TimeSpan beforeFirstEvent) => _chatFaults.Pause(beforeFirstEvent);

    /// <summary>Makes the next streamed chat break its connection after <paramref name="afterEvents"/> events, without <c>[DONE]</c>.</summary>
    /// <param name="afterEvents">How many events it sends first.</param>
    public void BreakNextChatStream(int afterEvents) => _chatFaults.Break(afterEvents);

    /// <summary>Forgets every memory, collection, recorded request and queued fault.</summary>
    public void Reset()
    {
        _store.Clear();
        _collections.Clear();
        _faults.Clear();
        _chatFaults.Clear();
        _rateLimiter?.Clear();
        _requests.Clear();
    }

    /// <summary>Stops the server; requests still delayed are cut short.</summary>
    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _app.StopAsync().ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        _stopping.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var receivedAt = DateTimeOffset.UtcNow;
        var rawTarget = context.Features.GetRequiredFeature<IHttpRequestFeature>().RawTarget;
        var route = Route.Find(context.Request.Method, rawTarget.Split('?', 2)[0]);
        var body = Array.Empty<byte>();
        var recorded = 0;
        void RecordOnce(int status)
        {
            if (Interlocked.Exchange(ref recorded, 1) == 0)
            {
                _requests.Enqueue(Record(context, rawTarget, status, receivedAt, body, route.Operation));
            }
        }

        // Recorded as the answer starts, before the client can see any of it, so that a test that has its
        // response also finds the request in the journal.
        context.Response.OnStarting(() =>
        {
            RecordOnce(context.Response.StatusCode);
            return Task.CompletedTask;
        });
        try
        {
            body = await ReadBodyAsync(context.Request).ConfigureAwait(false);
            switch (_faults.Next(route.Operation))
            {
                case Fault.Drop:
                    context.Abort();
                    return;
                case Fault.Status fail:
                    await Answers.InjectedAsync(context, (int)fail.Code, fail.RetryAfter).ConfigureAwait(false);
                    return;
                case Fault.Delay delay:
                    await WaitAsync(delay.Duration, context).ConfigureAwait(false);
                    break;
            }

            if (_options.Latency > TimeSpan.Zero)
            {
                await WaitAsync(_options.Latency, context).ConfigureAwait(false);
            }

            if (_rateLimiter?.Refuse(context.Request.Headers.Authorization.FirstOrDefault() ?? context.Request.Headers["X-API-Key"].FirstOrDefault() ?? string.Empty) is { } wait)
            {
                await Answers.RateLimitedAsync(context, wait).ConfigureAwait(false);
                return;
            }

            await _api.HandleAsync(context, route, body).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested || _stopping.IsCancellationRequested)
        {
            context.Abort();
        }
        finally
        {
            // A dropped or abandoned request never starts an answer.
            RecordOnce(0);
        }
    }

    /// <summary>Waits, until the request is abandoned or the server stops.</summary>
    private async Task WaitAsync(TimeSpan duration, HttpContext context)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, _stopping.Token);
        await Task.Delay(duration, cancel.Token).ConfigureAwait(false);
    }

    private static async Task<byte[]> ReadBodyAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted).ConfigureAwait(false);
        return buffer.ToArray();
    }

    private static RecordedRequest Record(HttpContext context, string rawTarget, int status, DateTimeOffset receivedAt, byte[] body, MieltoOperation? operation)
    {
        var split = rawTarget.IndexOf('?', StringComparison.Ordinal);
        var headers = context.Request.Headers.ToDictionary(
            h => h.Key,
            h => Masked(h.Key, h.Value.ToString()),
            StringComparer.OrdinalIgnoreCase);
        return new RecordedRequest(
            context.Request.Method,
            split < 0 ? rawTarget : rawTarget[..split],
            split < 0 ? string.Empty : rawTarget[split..],
            headers,
            status,
            receivedAt,
            Encoding.UTF8.GetString(body),
            operation);
    }

    private static string Masked(string name, string value) => name.ToUpperInvariant() switch
    {
        "AUTHORIZATION" => value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? "Bearer ***" : "***",
        "X-API-KEY" => "***",
        _ => value,
    };
}
