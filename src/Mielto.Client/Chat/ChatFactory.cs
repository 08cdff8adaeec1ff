using Microsoft.Extensions.Logging;
using Mielto.Client.Http;

namespace Mielto.Client;

/// <summary>What a <see cref="MieltoClient"/> makes its chat clients from: the chat's Refit interface and the client's settings.</summary>
internal sealed class ChatFactory(IChatApi api, MieltoClientOptions options, ILogger<MieltoChatClient> logger, TimeProvider clock)
{
    public MieltoChatClient Create(string model, MieltoChatContext? defaults) => new(api, options, logger, clock, model, defaults);
}
