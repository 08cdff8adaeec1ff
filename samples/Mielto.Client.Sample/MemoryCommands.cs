using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Mielto.Client.Sample;

/// <summary>
/// The commands for each memory operation but delete: each parses its arguments, makes one SDK call (list: as many
/// pages as needed) and writes the result, readable or as JSON, with the tool's exit codes.
/// </summary>
internal static class MemoryCommands
{
    public static IEnumerable<Command> Build(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        yield return Create(environment, withMemories);
        yield return Get(environment, withMemories);
        yield return List(environment, withMemories);
        yield return Search(environment, withMemories);
        yield return Update(environment, withMemories);
        yield return Replace(environment, withMemories);
    }

    private static Command Create(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var content = new Argument<string>("content") { Description = "What the memory says." };
        var userId = UserOption(required: true);
        var type = new Option<string?>("--type") { Description = "The memory type: user (the server's default), agent, team, workflow, or another." };
        var (topics, metadata) = (TopicsOption(), MetadataOption());
        return CommandRunner.Define(new Command("create", "Create a memory for a user.") { content, userId, type, topics, metadata }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var request = new MemoryCreateRequest
            {
                UserId = parse.GetValue(userId)!,
                Content = parse.GetValue(content)!,
                MemoryType = parse.GetValue(type) is { } kind ? (MemoryType?)new MemoryType(kind) : null,
                Topics = Topics(parse, topics),
                Metadata = Metadata(parse, metadata),
            };
            var created = await memories.CreateAsync(request, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, created, SampleJson.Output.MemoryCreateResponse, () =>
            {
                environment.Out.WriteLine($"created {created.MemoryId}");
                MemoryText.Write(environment.Out, created.Memory);
            });
        });
    }

    private static Command Get(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var memoryId = new Argument<string>("memoryId") { Description = "The memory's id." };
        var userId = UserOption(required: false);
        return CommandRunner.Define(new Command("get", "Show one memory.") { memoryId, userId }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var memory = await memories.GetAsync(parse.GetValue(memoryId)!, parse.GetValue(userId), common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, memory, SampleJson.Output.Memory, () => MemoryText.Write(environment.Out, memory));
        });
    }

    private static Command List(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var userId = UserOption(required: false);
        var limit = LimitOption("Memories per page, 1 to 100 (the server's default: 50).");
        var sortBy = new Option<string?>("--sort-by") { Description = "updated_at (the server's default), created_at or memory_id." };
        var order = new Option<MemorySortOrder?>("--order") { Description = "asc or desc (the server's default).", CustomParser = ParseOrder, HelpName = "asc|desc" };
        var max = new Option<int?>("--max") { Description = "Stop after this many memories." };
        max.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 0)
            {
                result.AddError("--max must be 0 or more.");
            }
        });
        return CommandRunner.Define(new Command("list", "List memories, every page (as JSON lines with --json).") { userId, limit, sortBy, order, max }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var options = new MemoryListOptions { UserId = parse.GetValue(userId), Limit = parse.GetValue(limit), SortBy = parse.GetValue(sortBy), SortOrder = parse.GetValue(order) };
            var most = parse.GetValue(max) ?? int.MaxValue;
            var count = 0;
            await foreach (var memory in memories.ListAllAsync(options, common.WorkspaceId, token))
            {
                if (count++ == most)
                {
                    break;
                }

                CommandRunner.Write(environment, common, memory, SampleJson.Output.Memory, () => MemoryText.Write(environment.Out, memory));
            }

            if (!common.Json)
            {
                environment.Error.WriteLine($"{Math.Min(count, most)} memories");
            }

            return ExitCodes.Success;
        });
    }

    private static Command Search(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var query = new Argument<string>("query") { Description = "What to look for." };
        var userId = UserOption(required: false);
        var limit = LimitOption("The most results, 1 to 100 (the server's default: 10).");
        var method = new Option<string?>("--method") { Description = "The retrieval method: agentic (the server's default), vector, hybrid, keyword, last_n, first_n, ..." };
        return CommandRunner.Define(new Command("search", "Search memories.") { query, userId, limit, method }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var request = new MemorySearchRequest
            {
                Query = parse.GetValue(query)!,
                UserId = parse.GetValue(userId),
                Limit = parse.GetValue(limit),
                RetrievalMethod = parse.GetValue(method) is { } name ? (RetrievalMethod?)new RetrievalMethod(name) : null,
            };
            var found = await memories.SearchAsync(request, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, found, SampleJson.Output.MemorySearchResponse, () =>
            {
                environment.Out.WriteLine($"{found.TotalResults} found for \"{found.Query}\" ({found.RetrievalMethod})");
                foreach (var memory in found.Memories)
                {
                    MemoryText.Write(environment.Out, memory);
                }
            });
        });
    }

    private static Command Update(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var memoryId = new Argument<string>("memoryId") { Description = "The memory's id." };
        var content = new Option<string?>("--content") { Description = "The new content." };
        var clearTopics = new Option<bool>("--clear-topics") { Description = "Empty the topics." };
        var userId = UserOption(required: false);
        var (topics, metadata) = (TopicsOption(), MetadataOption());
        return CommandRunner.Define(new Command("update", "Change some fields of a memory; only those given are sent.") { memoryId, content, topics, clearTopics, metadata, userId }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var update = new MemoryUpdateRequest
            {
                UserId = parse.GetValue(userId),
                Content = parse.GetValue(content),
                Topics = parse.GetValue(clearTopics) ? [] : Topics(parse, topics),
                Metadata = Metadata(parse, metadata),
            };
            var updated = await memories.UpdateAsync(parse.GetValue(memoryId)!, update, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, updated, SampleJson.Output.MemoryUpdateResponse, () =>
            {
                environment.Out.WriteLine($"updated {updated.MemoryId}");
                MemoryText.Write(environment.Out, updated.Memory);
            });
        });
    }

    private static Command Replace(CliEnvironment environment, CommandRunner.WithClient<IMemoriesClient> withMemories)
    {
        var memoryId = new Argument<string>("memoryId") { Description = "The memory's id." };
        var content = new Argument<string>("content") { Description = "The new content." };
        var userId = UserOption(required: false);
        var (topics, metadata) = (TopicsOption(), MetadataOption());
        return CommandRunner.Define(new Command("replace", "Replace a memory's whole state; it keeps its id and creation time.") { memoryId, content, topics, metadata, userId }, environment, withMemories, async (parse, memories, common, token) =>
        {
            var replacement = new MemoryReplaceRequest { Content = parse.GetValue(content)!, UserId = parse.GetValue(userId), Topics = Topics(parse, topics), Metadata = Metadata(parse, metadata) };
            var replaced = await memories.ReplaceAsync(parse.GetValue(memoryId)!, replacement, common.WorkspaceId, token);
            return CommandRunner.Write(environment, common, replaced, SampleJson.Output.MemoryReplaceResponse, () =>
            {
                environment.Out.WriteLine($"replaced {replaced.MemoryId}; it was:");
                MemoryText.Write(environment.Out, replaced.OldMemory);
                environment.Out.WriteLine("it is now:");
                MemoryText.Write(environment.Out, replaced.NewMemory);
            });
        });
    }

    private static Option<int?> LimitOption(string description)
    {
        var limit = new Option<int?>("--limit") { Description = description };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is < 1 or > 100)
            {
                result.AddError("--limit must be between 1 and 100.");
            }
        });
        return limit;
    }

    private static Option<string?> UserOption(bool required) =>
        new("--user-id") { Description = "The user who owns the memories (sent as user_id).", Required = required };

    private static Option<string[]> TopicsOption() =>
        new("--topic") { Description = "A topic; repeat for more.", Arity = ArgumentArity.ZeroOrMore, AllowMultipleArgumentsPerToken = false };

    private static Option<string?> MetadataOption() =>
        new("--metadata") { Description = "Metadata as a JSON object, such as '{\"source\":\"chat\"}'.", HelpName = "JSON" };

    private static string[]? Topics(ParseResult parse, Option<string[]> option) => parse.GetValue(option) is { Length: > 0 } topics ? topics : null;

    private static Dictionary<string, JsonElement>? Metadata(ParseResult parse, Option<string?> option)
    {
        if (parse.GetValue(option) is not { } text)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(text, SampleJson.Output.DictionaryStringJsonElement)
                ?? throw new UsageException("--metadata must be a JSON object, not null.");
        }
        catch (JsonException)
        {
            throw new UsageException("--metadata must be a JSON object, such as '{\"source\":\"chat\"}'.");
        }
    }

    private static MemorySortOrder? ParseOrder(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : null;
        switch (text)
        {
            case "asc":
                return MemorySortOrder.Ascending;
            case "desc":
                return MemorySortOrder.Descending;
            default:
                result.AddError("--order must be asc or desc.");
                return null;
        }
    }
}
