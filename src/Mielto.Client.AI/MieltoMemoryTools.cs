using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Mielto.Client.AI.Tools;

namespace Mielto.Client.AI;

/// <summary>
/// Mielto memory as Microsoft.Extensions.AI tools (<see cref="AIFunction"/>s) for one end user:
/// <c>search_memories</c>, <c>add_memory</c>, <c>list_memories</c> and, only when
/// <see cref="MieltoMemoryToolsOptions.AllowDelete"/> is set, <c>delete_memory</c>. Build them per request with
/// <see cref="For"/>: the user (and workspace) are bound in code, and no tool takes them from the model, so that a
/// prompt injection cannot reach another user's memories. Thread-safe; register it once.
/// </summary>
/// <example>
/// <code>
/// var options = new ChatOptions { Tools = [.. memoryTools.For(currentUser.Id)] };
/// var response = await chatClient.GetResponseAsync(messages, options, ct);   // a client built with UseFunctionInvocation()
/// </code>
/// </example>
public sealed class MieltoMemoryTools
{
    /// <summary>The name of the search tool.</summary>
    public const string SearchMemories = "search_memories";

    /// <summary>The name of the tool that stores a memory.</summary>
    public const string AddMemory = "add_memory";

    /// <summary>The name of the tool that lists recent memories.</summary>
    public const string ListMemories = "list_memories";

    /// <summary>The name of the delete tool, offered only when <see cref="MieltoMemoryToolsOptions.AllowDelete"/> is set.</summary>
    public const string DeleteMemory = "delete_memory";

    private readonly IMemoriesClient _memories;
    private readonly MieltoMemoryToolsOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates the tool factory over a memories client.</summary>
    /// <param name="memories">The client the tools call.</param>
    /// <param name="options">What the tools may do and return; copied, so later changes have no effect.</param>
    /// <param name="logger">Where a failing tool logs its exception (the model sees only a short message).</param>
    /// <exception cref="ArgumentNullException"><paramref name="memories"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A limit in <paramref name="options"/> is out of range.</exception>
    public MieltoMemoryTools(IMemoriesClient memories, MieltoMemoryToolsOptions? options = null, ILogger<MieltoMemoryTools>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(memories);
        _memories = memories;
        _options = (options ?? new MieltoMemoryToolsOptions()).Copy();
        ArgumentOutOfRangeException.ThrowIfLessThan(_options.MaxResultCharacters, 200, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.DefaultSearchLimit is >= 1 and <= 100, true, nameof(options));
        ArgumentOutOfRangeException.ThrowIfNotEqual(_options.DefaultListLimit is >= 1 and <= 100, true, nameof(options));
        _logger = logger ?? (ILogger)NullLogger.Instance;
    }

    /// <summary>Builds the tools for one end user.</summary>
    /// <param name="userId">The user whose memories the tools read and write; taken from your app's own identity, never from the model.</param>
    /// <param name="workspaceId">The workspace; null uses <see cref="MieltoClientOptions.WorkspaceId"/>.</param>
    /// <returns>The tools, to put in <see cref="ChatOptions.Tools"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="userId"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="userId"/> is empty or whitespace: the tools would act on every user.</exception>
    public IList<AITool> For(string userId, string? workspaceId = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        var context = new ToolContext(_memories, userId, workspaceId, _options, _logger);
        List<AITool> tools = [new SearchMemoriesTool(context), new AddMemoryTool(context), new ListMemoriesTool(context)];
        if (_options.AllowDelete)
        {
            tools.Add(new DeleteMemoryTool(context));
        }

        return tools;
    }
}
