using Mielto.Client.Http;

namespace Mielto.Client;

/// <summary>The checks on a <see cref="MieltoChatContext"/>, made before anything is sent.</summary>
internal static class ChatContext
{
    /// <summary>Refuses a value that the headers cannot carry exactly as given.</summary>
    public static void Check(MieltoChatContext context, string paramName)
    {
        Sendable(context.UserId, "user id", paramName);
        Sendable(context.ConversationId, "conversation id", paramName);
        Sendable(context.SessionId, "session id", paramName);
        Sendable(context.WorkspaceId, "workspace id", paramName);
        foreach (var id in context.CollectionIds ?? [])
        {
            Sendable(id ?? string.Empty, "collection id", paramName);
        }
    }

    private static void Sendable(string? value, string what, string paramName)
    {
        if (value is not null && !HeaderValue.IsSendable(value))
        {
            throw new ArgumentException(
                $"The chat's {what} '{value}' must be printable ASCII without surrounding spaces: Mielto's chat takes it in a header as well as in the body. Nothing was sent.",
                paramName);
        }
    }
}
