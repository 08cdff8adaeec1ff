using System.Globalization;
using System.Text;

namespace Mielto.Client.Testing;

/// <summary>
/// A keyset cursor: the sort key and id of the last memory of a page, so that the next page starts after it
/// whatever was created or deleted meanwhile (an offset would skip or repeat memories). Opaque to clients:
/// the sort field, the key and the id, hex-encoded.
/// </summary>
internal static class ListCursor
{
    /// <summary>The fields a listing can be sorted by, each with its key: text that sorts ordinally as the field does.</summary>
    public static readonly IReadOnlyDictionary<string, Func<TestMemory, string>> SortKeys = new Dictionary<string, Func<TestMemory, string>>(StringComparer.Ordinal)
    {
        ["updated_at"] = m => m.UpdatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
        ["created_at"] = m => m.CreatedAt.UtcTicks.ToString("D20", CultureInfo.InvariantCulture),
        ["memory_id"] = m => m.MemoryId,
    };

    public static string Encode(string sortBy, string key, string memoryId) =>
        Convert.ToHexString(Encoding.UTF8.GetBytes($"{sortBy}\n{key}\n{memoryId}"));

    /// <summary>The key and id a cursor points after; null when it is not one of ours or was made for another sort field.</summary>
    public static (string Key, string MemoryId)? Decode(string cursor, string sortBy)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromHexString(cursor);
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('\n', 3);
        return parts.Length == 3 && string.Equals(parts[0], sortBy, StringComparison.Ordinal) ? (parts[1], parts[2]) : null;
    }
}
