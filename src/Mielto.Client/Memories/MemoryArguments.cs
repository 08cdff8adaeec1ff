using Mielto.Client.Http;

namespace Mielto.Client.Memories;

/// <summary>Checks a memory call's arguments before anything is sent.</summary>
internal static class MemoryArguments
{
    /// <summary>
    /// Refuses an id that would not address one memory: through the HTTP stack, an empty or whitespace id
    /// addresses <c>/api/v1/memories/</c> and <c>.</c> or <c>..</c> are dot segments that address
    /// <c>/api/v1/memories</c> or <c>/api/v1/</c>. Every other id is sent as given, escaped as one segment.
    /// </summary>
    public static void ValidateMemoryId(string memoryId)
    {
        ArgumentNullException.ThrowIfNull(memoryId);
        if (string.IsNullOrWhiteSpace(memoryId) || memoryId is "." or "..")
        {
            throw new ArgumentException(
                $"A memory id cannot be empty, whitespace, '.' or '..' (it was '{memoryId}'): such an id would address another resource than a memory, so nothing was sent.",
                nameof(memoryId));
        }

        ValidateText(memoryId, nameof(memoryId));
    }

    /// <summary>Returns the <c>user_id</c> to send: null when none was given.</summary>
    public static string? UserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        ValidateText(userId, nameof(userId));
        return userId;
    }

    /// <summary>Returns the <c>X-Workspace-Id</c> to send: the call's, else the client's default, else null.</summary>
    public static string? WorkspaceId(string? workspaceId, string? defaultWorkspaceId)
    {
        if (string.IsNullOrEmpty(workspaceId))
        {
            return string.IsNullOrEmpty(defaultWorkspaceId) ? null : defaultWorkspaceId;
        }

        if (!HeaderValue.IsSendable(workspaceId))
        {
            throw new ArgumentException(
                "A workspace id must be printable ASCII without surrounding spaces: control characters (CR, LF, NUL) or other characters cannot be sent in the X-Workspace-Id header, so nothing was sent.",
                nameof(workspaceId));
        }

        return workspaceId;
    }

    /// <summary>Refuses text with an unpaired surrogate, which no URL encoding can carry unchanged.</summary>
    private static void ValidateText(string value, string paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (!char.IsSurrogate(value[i]))
            {
                continue;
            }

            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            throw new ArgumentException(
                $"The value contains an unpaired UTF-16 surrogate at index {i}, which cannot be sent unchanged; nothing was sent.",
                paramName);
        }
    }
}
