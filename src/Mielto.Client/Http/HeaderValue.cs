namespace Mielto.Client.Http;

/// <summary>Rules for values that the SDK sends in HTTP headers.</summary>
internal static class HeaderValue
{
    /// <summary>
    /// True when <paramref name="value"/> reaches the server exactly as given in a header: printable ASCII
    /// only (no CR, LF, NUL or other control character, which could split or end the header, and nothing
    /// outside ASCII, which the HTTP stack refuses), and no leading or trailing space, which HTTP trims.
    /// </summary>
    public static bool IsSendable(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ')
        {
            return false;
        }

        foreach (var c in value)
        {
            if (c is < (char)0x20 or > (char)0x7E)
            {
                return false;
            }
        }

        return true;
    }
}
