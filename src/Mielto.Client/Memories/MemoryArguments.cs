using System.Text.Json;
using Mielto.Client.Http;
using Mielto.Client.Operations;

namespace Mielto.Client.Memories;

/// <summary>Checks a memory call's arguments before anything is sent.</summary>
internal static class MemoryArguments
{
    /// <summary>Refuses an id that would not address one memory (<see cref="Arguments.ValidateId"/>).</summary>
    public static void ValidateMemoryId(string memoryId) => Arguments.ValidateId(memoryId, "memory", nameof(memoryId));

    /// <summary>
    /// As <see cref="ValidateMemoryId"/>, and refuses the ids <c>chunks</c> and <c>profile</c>: <c>GET
    /// /api/v1/memories/chunks</c> and <c>/profile</c> are routes of their own, so a get of such an id would
    /// reach another operation. Mielto generates memory ids, so no real memory has them.
    /// </summary>
    public static void ValidateReadableMemoryId(string memoryId)
    {
        ValidateMemoryId(memoryId);
        if (memoryId is "chunks" or "profile")
        {
            throw new ArgumentException(
                $"The memory id '{memoryId}' cannot be read: GET /api/v1/memories/{memoryId} is another route of the API, not a memory, so nothing was sent.",
                nameof(memoryId));
        }
    }

    /// <summary>Refuses a request without one of its required fields.</summary>
    public static void Required(object? value, string model, string field, string paramName)
    {
        if (value is null)
        {
            throw new ArgumentException($"{model}.{field} is required and was null; nothing was sent.", paramName);
        }
    }

    /// <summary>Refuses a page size or result count outside what the API accepts, 1 to 100.</summary>
    public static void Limit(int? limit, string model, string paramName)
    {
        if (limit is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(paramName, limit, $"{model}.Limit must be between 1 and 100 when set (it was {limit}); nothing was sent.");
        }
    }

    /// <summary>Refuses text that cannot be sent unchanged, and topics or metadata that cannot be sent at all.</summary>
    public static void Content(string? content, IReadOnlyList<string>? topics, IReadOnlyDictionary<string, JsonElement>? metadata, string paramName)
    {
        if (content is not null)
        {
            Arguments.ValidateText(content, paramName);
        }

        if (topics is not null)
        {
            for (var i = 0; i < topics.Count; i++)
            {
                if (topics[i] is not { } topic)
                {
                    throw new ArgumentException($"Topics[{i}] is null: a topic must be a string; nothing was sent.", paramName);
                }

                Arguments.ValidateText(topic, paramName);
            }
        }

        if (metadata is not null)
        {
            foreach (var (key, value) in metadata)
            {
                if (value.ValueKind == JsonValueKind.Undefined)
                {
                    throw new ArgumentException($"Metadata['{key}'] is a default JsonElement, which holds no JSON value; nothing was sent.", paramName);
                }

                Arguments.ValidateText(key, paramName);
            }
        }
    }

    /// <summary>Refuses a create request that cannot be sent as it is.</summary>
    public static void Validate(MemoryCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.UserId, nameof(MemoryCreateRequest), nameof(request.UserId), nameof(request));
        Required(request.Content, nameof(MemoryCreateRequest), nameof(request.Content), nameof(request));
        Arguments.ValidateText(request.UserId, nameof(request));
        if (request.MemoryType is { } type && type.ToString().Length == 0)
        {
            throw new ArgumentException($"{nameof(MemoryCreateRequest)}.{nameof(request.MemoryType)} is an empty value (default(MemoryType)); leave it null for the server's default. Nothing was sent.", nameof(request));
        }

        Content(request.Content, request.Topics, request.Metadata, nameof(request));
    }

    /// <summary>Refuses a search that cannot be sent as it is.</summary>
    public static void Validate(MemorySearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.Query, nameof(MemorySearchRequest), nameof(request.Query), nameof(request));
        Arguments.ValidateText(request.Query, nameof(request));
        Limit(request.Limit, nameof(MemorySearchRequest), nameof(request));
        if (request.UserId is not null)
        {
            Arguments.ValidateText(request.UserId, nameof(request));
        }

        if (request.RetrievalMethod is { } method && method.ToString().Length == 0)
        {
            throw new ArgumentException($"{nameof(MemorySearchRequest)}.{nameof(request.RetrievalMethod)} is an empty value (default(RetrievalMethod)); leave it null for the server's default. Nothing was sent.", nameof(request));
        }
    }

    /// <summary>Refuses a listing that cannot be sent as it is.</summary>
    public static void Validate(MemoryListOptions options)
    {
        Limit(options.Limit, nameof(MemoryListOptions), nameof(options));
        foreach (var text in (ReadOnlySpan<string?>)[options.UserId, options.Cursor, options.SortBy])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(options));
            }
        }

        if (options.SortOrder is { } order && !Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(options), order, $"{nameof(MemoryListOptions)}.{nameof(options.SortOrder)} must be Ascending or Descending; nothing was sent.");
        }
    }

    /// <summary>Refuses an update that sets nothing, or cannot be sent as it is.</summary>
    public static void Validate(MemoryUpdateRequest update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update is { UserId: null, Content: null, Topics: null, Metadata: null })
        {
            throw new ArgumentException($"The {nameof(MemoryUpdateRequest)} sets nothing: set at least one of {nameof(update.UserId)}, {nameof(update.Content)}, {nameof(update.Topics)} and {nameof(update.Metadata)}. Nothing was sent.", nameof(update));
        }

        if (update.UserId is not null)
        {
            Arguments.ValidateText(update.UserId, nameof(update));
        }

        Content(update.Content, update.Topics, update.Metadata, nameof(update));
    }

    /// <summary>Refuses a replacement that cannot be sent as it is.</summary>
    public static void Validate(MemoryReplaceRequest replacement)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        Required(replacement.Content, nameof(MemoryReplaceRequest), nameof(replacement.Content), nameof(replacement));
        if (replacement.UserId is not null)
        {
            Arguments.ValidateText(replacement.UserId, nameof(replacement));
        }

        Content(replacement.Content, replacement.Topics, replacement.Metadata, nameof(replacement));
    }

    /// <summary>
    /// Refuses a user id that would act on no user or on every user: null, empty or whitespace. An erasure or export
    /// without one would list every memory the key can see.
    /// </summary>
    public static void ValidateRequiredUserId(string userId)
    {
        ArgumentNullException.ThrowIfNull(userId);
        if (string.IsNullOrWhiteSpace(userId))
        {
            throw new ArgumentException(
                $"A user id is required and cannot be empty or whitespace (it was '{userId}'): without one, the call would act on every user's memories. Nothing was sent.",
                nameof(userId));
        }

        Arguments.ValidateText(userId, nameof(userId));
    }

    /// <summary>Refuses erasure options that cannot be used.</summary>
    public static void Validate(MemoryEraseOptions options)
    {
        if (options.MaxConcurrency is < 1 or > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.MaxConcurrency, $"{nameof(MemoryEraseOptions)}.{nameof(options.MaxConcurrency)} must be between 1 and 64; nothing was sent.");
        }
    }

    /// <summary>Refuses a conversation that cannot be sent as it is.</summary>
    public static void Validate(MemoryFromMessagesRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Required(request.UserId, nameof(MemoryFromMessagesRequest), nameof(request.UserId), nameof(request));
        Required(request.Messages, nameof(MemoryFromMessagesRequest), nameof(request.Messages), nameof(request));
        Arguments.ValidateText(request.UserId, nameof(request));
        for (var i = 0; i < request.Messages.Count; i++)
        {
            if (request.Messages[i] is not { Role: not null, Content: not null } message)
            {
                throw new ArgumentException($"Messages[{i}] is null, or has a null Role or Content; nothing was sent.", nameof(request));
            }

            Arguments.ValidateText(message.Role, nameof(request));
            Arguments.ValidateText(message.Content, nameof(request));
        }

        foreach (var text in (ReadOnlySpan<string?>)[request.AgentId, request.TeamId])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(request));
            }
        }
    }

    /// <summary>Refuses a chunk listing that cannot be sent as it is.</summary>
    public static void Validate(MemoryChunkListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Limit(options.Limit, nameof(MemoryChunkListOptions), nameof(options));
        foreach (var text in (ReadOnlySpan<string?>)[options.UserId, options.Cursor])
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, nameof(options));
            }
        }
    }

    /// <summary>Returns the <c>user_id</c> to send: null when none was given.</summary>
    public static string? UserId(string? userId)
    {
        if (string.IsNullOrEmpty(userId))
        {
            return null;
        }

        Arguments.ValidateText(userId, nameof(userId));
        return userId;
    }
}
