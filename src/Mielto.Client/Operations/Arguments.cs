using Mielto.Client.Http;

namespace Mielto.Client.Operations;

/// <summary>The checks every resource's arguments share, made before anything is sent.</summary>
internal static class Arguments
{
    /// <summary>
    /// Refuses an id that would not address one thing of its kind: through the HTTP stack, an empty or whitespace id
    /// addresses the resource's list (<c>/api/v1/memories/</c>), and <c>.</c> or <c>..</c> are dot segments that
    /// address the list or the API's root. Every other id is sent as given, escaped as one path segment.
    /// </summary>
    /// <param name="id">The id.</param>
    /// <param name="kind">What it names, in the message: <c>memory</c>, <c>collection</c>.</param>
    /// <param name="paramName">The caller's parameter.</param>
    public static void ValidateId(string id, string kind, string paramName)
    {
        ArgumentNullException.ThrowIfNull(id, paramName);
        if (string.IsNullOrWhiteSpace(id) || id is "." or "..")
        {
            throw new ArgumentException(
                $"A {kind} id cannot be empty, whitespace, '.' or '..' (it was '{id}'): such an id would address another resource than a {kind}, so nothing was sent.",
                paramName);
        }

        ValidateText(id, paramName);
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

    /// <summary>Refuses text with an unpaired surrogate, which neither a URL nor JSON in UTF-8 can carry unchanged.</summary>
    public static void ValidateText(string value, string paramName)
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

    /// <summary>Refuses an offset listing's negative offset, or a page size outside 1 to 1,000, as the API would.</summary>
    /// <param name="skip">The offset.</param>
    /// <param name="limit">The page size, if set.</param>
    /// <param name="model">The options' type, in the message.</param>
    /// <param name="paramName">The caller's parameter.</param>
    public static void Offset(int skip, int? limit, string model, string paramName)
    {
        if (skip < 0)
        {
            throw new ArgumentOutOfRangeException(paramName, skip, $"{model}.Skip cannot be negative (it was {skip}); nothing was sent.");
        }

        if (limit is < 1 or > 1000)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"{model}.Limit must be between 1 and 1,000 when set (it was {limit}); nothing was sent.");
        }
    }
}
