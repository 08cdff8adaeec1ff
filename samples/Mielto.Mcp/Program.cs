using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Mielto.Client;
using Mielto.Client.AI;
using Mielto.Client.Mcp;
using Mielto.Client.Testing;
using ModelContextProtocol.Server;

// A Model Context Protocol server over stdio that gives an MCP host (VS Code, Claude Desktop) Mielto memory for one
// configured user, and search over the configured knowledge collections: the tools of Mielto.Client.AI, bound to that
// user, those collections and that workspace in code.
// Settings come from its own folder, never from the directory a host happens to start it in; its own user secrets
// are read in every environment (the host adds them in Development only), below the environment variables and the
// command line, as the host orders them.
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Configuration.AddUserSecrets(typeof(ServerTarget).Assembly, optional: true).AddEnvironmentVariables().AddCommandLine(args);

// Standard output carries the protocol: every log line goes to standard error.
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

var mielto = builder.Configuration.GetSection("Mielto");
if (ServerTarget.Refusal(mielto) is { } refusal)
{
    await Console.Error.WriteLineAsync(refusal);
    return 1;
}

var userId = mielto["UserId"] is { Length: > 0 } configured ? configured : "mcp_user";
await using var standIn = ServerTarget.UsesStandIn(mielto) ? await MieltoTestServer.StartAsync() : null;
if (standIn is not null)
{
    builder.Services.AddMieltoClient(standIn.Configure);
}
else
{
    builder.Services.AddMieltoClient(mielto);
}

var allowDelete = mielto.GetValue<bool>("AllowDelete");
var collectionIds = ServerTarget.CollectionIds(mielto);
builder.Services.AddMieltoMemoryTools(o => o.AllowDelete = allowDelete);
builder.Services
    .AddMcpServer(o => o.ServerInfo = new() { Name = "mielto-memory", Version = ServerTarget.Version })
    .WithStdioServerTransport();

// Each memory tool, bound in code to the configured user and workspace, as an MCP tool; the model never names a user.
string[] names = [MieltoMemoryTools.SearchMemories, MieltoMemoryTools.AddMemory, MieltoMemoryTools.ListMemories, .. allowDelete ? [MieltoMemoryTools.DeleteMemory] : Array.Empty<string>()];
foreach (var name in names)
{
    builder.Services.AddSingleton<McpServerTool>(services => new ErrorFlaggingTool(McpServerTool.Create(
        (AIFunction)services.GetRequiredService<MieltoMemoryTools>().For(userId, mielto["WorkspaceId"]).Single(tool => string.Equals(tool.Name, name, StringComparison.Ordinal)))));
}

// With collections configured, search_knowledge over them: bound in code too, so the model reaches no other collection.
if (collectionIds.Count > 0)
{
    builder.Services.AddMieltoKnowledgeTools();
    builder.Services.AddSingleton<McpServerTool>(services => new ErrorFlaggingTool(McpServerTool.Create(
        (AIFunction)services.GetRequiredService<MieltoKnowledgeTools>().For(collectionIds, mielto["WorkspaceId"]).Single())));
}

using var host = builder.Build();
MieltoClientOptions options;
try
{
    options = host.Services.GetRequiredService<IOptions<MieltoClientOptions>>().Value;
}
catch (OptionsValidationException invalid)
{
    await Console.Error.WriteLineAsync("mielto-mcp: the Mielto configuration is invalid: " + invalid.Message);
    return 1;
}

await Console.Error.WriteLineAsync(ServerTarget.Describe(options, standIn is not null, userId, allowDelete, collectionIds));
await host.RunAsync();
return 0;
