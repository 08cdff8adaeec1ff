using Mielto.Client.Memories;
using Mielto.Client.Operations;

namespace Mielto.Client.Collections;

/// <summary>Checks a collection call's arguments before anything is sent.</summary>
internal static class CollectionArguments
{
    /// <summary>Refuses an id that would not address one collection (<see cref="Arguments.ValidateId"/>).</summary>
    public static void ValidateCollectionId(string collectionId) => Arguments.ValidateId(collectionId, "collection", nameof(collectionId));

    /// <summary>
    /// As <see cref="ValidateCollectionId"/>, and refuses <c>search</c>: <c>/api/v1/collections/search</c> is a route of
    /// its own. Mielto generates collection ids, so no real collection has it.
    /// </summary>
    public static void ValidateAddressableCollectionId(string collectionId)
    {
        ValidateCollectionId(collectionId);
        if (collectionId is "search")
        {
            throw new ArgumentException(
                "The collection id 'search' cannot be addressed: /api/v1/collections/search is another route of the API, not a collection, so nothing was sent.",
                nameof(collectionId));
        }
    }

    /// <summary>Refuses a new collection that the API would refuse, or that cannot be sent as it is.</summary>
    public static void Validate(CollectionCreateRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        MemoryArguments.Required(request.Name, nameof(CollectionCreateRequest), nameof(request.Name), nameof(request));
        Name(request.Name, nameof(CollectionCreateRequest), nameof(request));
        Description(request.Description, nameof(CollectionCreateRequest), nameof(request));
        Texts(nameof(request), request.Description, request.ParentId, request.StoreType?.ToString(), request.Visibility?.ToString());
        Texts(nameof(request), [.. request.Tags ?? []]);
    }

    /// <summary>Refuses a change that the API would refuse, or that changes nothing.</summary>
    public static void Validate(CollectionUpdateRequest update)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update is { Name: null, Description: null, Visibility: null, Tags: null, ParentId: null, MetaData: null, Settings: null, Embedding: null })
        {
            throw new ArgumentException($"The {nameof(CollectionUpdateRequest)} sets nothing to change; nothing was sent.", nameof(update));
        }

        if (update.Name is not null)
        {
            Name(update.Name, nameof(CollectionUpdateRequest), nameof(update));
        }

        Description(update.Description, nameof(CollectionUpdateRequest), nameof(update));
        Texts(nameof(update), update.Description, update.ParentId, update.Visibility?.ToString());
        Texts(nameof(update), [.. update.Tags ?? []]);
    }

    /// <summary>Refuses a listing the API would refuse.</summary>
    public static void Validate(CollectionListOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Arguments.Offset(options.Skip, options.Limit, nameof(CollectionListOptions), nameof(options));
        foreach (var tag in options.Tags ?? [])
        {
            if (string.IsNullOrWhiteSpace(tag) || tag.Contains(',', StringComparison.Ordinal))
            {
                throw new ArgumentException($"A tag to filter by cannot be empty or hold a comma (it was '{tag}'): tags are sent comma-separated; nothing was sent.", nameof(options));
            }
        }

        Texts(nameof(options), options.Search, options.Status?.ToString(), options.Visibility?.ToString());
        Texts(nameof(options), [.. options.Tags ?? []]);
    }

    /// <summary>Refuses a search the API would refuse.</summary>
    public static void Validate(CollectionSearchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        MemoryArguments.Required(request.Query, nameof(CollectionSearchRequest), nameof(request.Query), nameof(request));
        MemoryArguments.Required(request.CollectionId, nameof(CollectionSearchRequest), nameof(request.CollectionId), nameof(request));
        Arguments.ValidateId(request.CollectionId, "collection", nameof(request));
        if (request.K is < 1 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.K, $"{nameof(CollectionSearchRequest)}.K must be between 1 and 100 when set (it was {request.K}); nothing was sent.");
        }

        if (request.ScoreThreshold is { } threshold && !(threshold is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(request), threshold, $"{nameof(CollectionSearchRequest)}.ScoreThreshold must be between 0 and 1 when set (it was {threshold}); nothing was sent.");
        }

        Texts(nameof(request), request.Query, request.SearchType?.ToString());
    }

    private static void Name(string name, string model, string paramName)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw new ArgumentException($"{model}.Name must be 1 to 100 characters, not blank (it had {name.Length}); nothing was sent.", paramName);
        }

        Arguments.ValidateText(name, paramName);
    }

    private static void Description(string? description, string model, string paramName)
    {
        if (description?.Length > 255)
        {
            throw new ArgumentException($"{model}.Description must be at most 255 characters (it had {description.Length}); nothing was sent.", paramName);
        }
    }

    private static void Texts(string paramName, params ReadOnlySpan<string?> texts)
    {
        foreach (var text in texts)
        {
            if (text is not null)
            {
                Arguments.ValidateText(text, paramName);
            }
        }
    }
}
