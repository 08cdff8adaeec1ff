using System.Text.Json.Serialization;

namespace Mielto.Client;

/// <summary>What a bulk delete of contents did, id by id. A partial failure is this result, not an exception.</summary>
public sealed record ContentDeleteManyResult
{
    /// <summary>The ids deleted.</summary>
    [JsonPropertyName("deleted_ids")]
    public IReadOnlyList<string> DeletedIds { get; init; } = [];

    /// <summary>The ids not deleted.</summary>
    [JsonPropertyName("failed_ids")]
    public IReadOnlyList<string> FailedIds { get; init; } = [];

    /// <summary>Why each id in <see cref="FailedIds"/> was not deleted, as the server said, by id.</summary>
    [JsonPropertyName("errors")]
    public IReadOnlyDictionary<string, string> Errors { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>True when every id was deleted.</summary>
    [JsonIgnore]
    public bool Complete => FailedIds.Count == 0;
}
