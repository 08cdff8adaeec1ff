using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mielto.Client.DependencyInjection;
using Mielto.Client.Http;
using Refit;

namespace Mielto.Client;

/// <summary>
/// The root of the Mielto SDK: immutable, thread-safe, meant to be created once and shared. With dependency
/// injection, call <c>services.AddMieltoClient(...)</c> and take <see cref="MieltoClient"/> or
/// <see cref="IMemoriesClient"/>; without it, create one with <see cref="MieltoClient(MieltoClientOptions)"/>.
/// Both give the same pipeline: authentication, retries, timeouts and typed errors.
/// </summary>
/// <example>
/// <code>
/// using var client = new MieltoClient(new MieltoClientOptions { ApiKey = Environment.GetEnvironmentVariable("MIELTO__APIKEY") });
/// var deleted = await client.Memories.DeleteAsync("mem_123");
/// </code>
/// </example>
public class MieltoClient : IDisposable
{
    private readonly HttpClient? _ownedHttp;
    private readonly ChatFactory _chat;

    /// <summary>Creates a client for apps without dependency injection.</summary>
    /// <param name="options">The settings; they are validated and copied, so later changes do not affect this client.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public MieltoClient(MieltoClientOptions options)
        : this(options, loggerFactory: null)
    {
    }

    /// <summary>Creates a client for apps without dependency injection, logging through <paramref name="loggerFactory"/>.</summary>
    /// <param name="options">The settings; they are validated and copied, so later changes do not affect this client.</param>
    /// <param name="loggerFactory">Where the SDK logs (each call at Debug); null for no logging.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is null.</exception>
    /// <exception cref="ArgumentException">A setting is invalid; the message names it.</exception>
    public MieltoClient(MieltoClientOptions options, ILoggerFactory? loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = MieltoClientOptionsValidator.Failures(options).ToList();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }

        // The same handlers as AddMieltoClient registers, composed without a service container, which would
        // cost start-up time for nothing here. Each piece takes what it needs from the options now (the client
        // keeps a copy), so later changes to them have no effect.
        var handler = MieltoHttp.CreateCallHandler(options, TimeProvider.System);
        handler.InnerHandler = MieltoHttp.CreatePrimaryHandler();
        _ownedHttp = new HttpClient(handler);
        MieltoHttp.Configure(_ownedHttp, options);
        Memories = new MemoriesClient(
            RestService.ForGenerated<IMemoriesApi>(_ownedHttp, MieltoHttp.CreateRefitSettings()),
            options,
            loggerFactory?.CreateLogger<MemoriesClient>() ?? NullLogger<MemoriesClient>.Instance,
            TimeProvider.System);
        var contents = new ContentsClient(
            RestService.ForGenerated<IContentsApi>(_ownedHttp, MieltoHttp.CreateRefitSettings()),
            options,
            loggerFactory?.CreateLogger<ContentsClient>() ?? NullLogger<ContentsClient>.Instance,
            TimeProvider.System);
        Contents = contents;
        Compress = new CompressClient(
            RestService.ForGenerated<ICompressApi>(_ownedHttp, MieltoHttp.CreateRefitSettings()),
            options,
            loggerFactory?.CreateLogger<CompressClient>() ?? NullLogger<CompressClient>.Instance,
            TimeProvider.System);
        Collections = new CollectionsClient(
            RestService.ForGenerated<ICollectionsApi>(_ownedHttp, MieltoHttp.CreateRefitSettings()),
            contents,
            options,
            loggerFactory?.CreateLogger<CollectionsClient>() ?? NullLogger<CollectionsClient>.Instance,
            TimeProvider.System);
        _chat = new ChatFactory(
            RestService.ForGenerated<IChatApi>(_ownedHttp, MieltoHttp.CreateRefitSettings()),
            options,
            loggerFactory?.CreateLogger<MieltoChatClient>() ?? NullLogger<MieltoChatClient>.Instance,
            TimeProvider.System);
    }

    /// <summary>For mocking: creates a client whose members you override.</summary>
    protected MieltoClient()
    {
        Memories = null!;
        Collections = null!;
        Contents = null!;
        Compress = null!;
        _chat = null!;
    }

    internal MieltoClient(IMemoriesClient memories, ICollectionsClient collections, IContentsClient contents, ICompressClient compress, ChatFactory chat)
    {
        Memories = memories;
        Collections = collections;
        Contents = contents;
        Compress = compress;
        _chat = chat;
    }

    /// <summary>The memory operations.</summary>
    public virtual IMemoriesClient Memories { get; }

    /// <summary>The knowledge collection operations.</summary>
    public virtual ICollectionsClient Collections { get; }

    /// <summary>The contents of the collections: the documents in them, and their ingestion.</summary>
    public virtual IContentsClient Contents { get; }

    /// <summary>Compression of texts and conversations.</summary>
    public virtual ICompressClient Compress { get; }

    /// <summary>
    /// Mielto's chat as Microsoft.Extensions.AI's <see cref="IChatClient"/>: a model that recalls the user's memories and
    /// searches the collections on its own. It shares this client's connections, settings and pipeline; get it once
    /// and keep it, or call this as often as you like (it is cheap).
    /// </summary>
    /// <param name="model">The model to ask for, such as <c>gpt-4o</c>; a call's <see cref="ChatOptions.ModelId"/> replaces it.</param>
    /// <param name="defaultContext">The user, conversation, session, collections and workspace every call sends, unless the call's own replaces a value.</param>
    /// <returns>The chat client.</returns>
    /// <exception cref="ArgumentException"><paramref name="model"/> is blank, or a context value cannot be sent.</exception>
    /// <example>
    /// <code>
    /// IChatClient chat = client.GetChatClient("gpt-4o", new MieltoChatContext { UserId = signedInUserId });
    /// var response = await chat.GetResponseAsync("What do you remember about me?");
    /// </code>
    /// </example>
    public virtual IChatClient GetChatClient(string model, MieltoChatContext? defaultContext = null) => _chat.Create(model, defaultContext);

    /// <summary>Releases the connections of a client created with a constructor; a client from dependency injection is released with its container.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the client's resources.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttp?.Dispose();
        }
    }
}
