using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Mielto.Client;
using Mielto.Client.AI;
using Mielto.Client.Testing;
using ModelContextProtocol.Server;

// A Model Context Protocol server over stdio that gives an MCP host (VS Code, Claude Desktop) Mielto memory for one
// configured user: the tools of Mielto.Client.AI, bound to that user and workspace in code.
var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddUserSecrets(typeof(MieltoTestServer).Assembly, optional: true);

// Standard output carries the protocol: every log line goes to standard error.
builder.Logging.ClearProviders().AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);

var mielto = builder.Configuration.GetSection("Mielto");
var userId = mielto["UserId"] is { Length: > 0 } configured ? configured : "mcp_user";
MieltoTestServer? standIn = null;
if (string.IsNullOrEmpty(mielto["ApiKey"]))
{
    // No key: an embedded stand-in of the API on 127.0.0.1, so that the server can be tried without an account.
    standIn = await MieltoTestServer.StartAsync();
    builder.Services.AddMieltoClient(standIn.Configure);
}
else
{
    builder.Services.AddMieltoClient(mielto);
}

var allowDelete = mielto.GetValue<bool>("AllowDelete");
builder.Services.AddMieltoMemoryTools(o => o.AllowDelete = allowDelete);
builder.Services
    .AddMcpServer(o => o.ServerInfo = new() { Name = "mielto-memory", Version = typeof(MieltoClient).Assembly.GetName().Version?.ToString() ?? "0" })
    .WithStdioServerTransport();

// Each memory tool, bound in code to the configured user and workspace, as an MCP tool; the model never names a user.
string[] names = [MieltoMemoryTools.SearchMemories, MieltoMemoryTools.AddMemory, MieltoMemoryTools.ListMemories, .. allowDelete ? [MieltoMemoryTools.DeleteMemory] : Array.Empty<string>()];
foreach (var name in names)
{
    builder.Services.AddSingleton(services => McpServerTool.Create(
        (AIFunction)services.GetRequiredService<MieltoMemoryTools>().For(userId, mielto["WorkspaceId"]).Single(tool => string.Equals(tool.Name, name, StringComparison.Ordinal))));
}

using var host = builder.Build();
await host.RunAsync();
if (standIn is not null)
{
    await standIn.DisposeAsync();
}
