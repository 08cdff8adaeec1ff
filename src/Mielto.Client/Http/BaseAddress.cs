using System.Net;

namespace Mielto.Client.Http;

/// <summary>Checks and normalises <see cref="MieltoClientOptions.BaseAddress"/>.</summary>
internal static class BaseAddress
{
    private const string ApiPrefix = "/api/v1";

    /// <summary>
    /// Returns the address that operation paths (<c>api/v1/...</c>) are resolved against: the given one with a
    /// trailing slash, and without a trailing <c>/api/v1</c> so that the prefix is never doubled.
    /// </summary>
    public static Uri Normalize(Uri address)
    {
        var path = address.AbsolutePath.TrimEnd('/');
        if (path.EndsWith(ApiPrefix, StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^ApiPrefix.Length];
        }

        return new UriBuilder(address) { Path = path + "/" }.Uri;
    }

    /// <summary>Returns why <paramref name="address"/> cannot be used, or null when it can.</summary>
    public static string? Problem(Uri? address)
    {
        if (address is null)
        {
            return "is required";
        }

        if (!address.IsAbsoluteUri)
        {
            return $"must be an absolute URI, such as {MieltoClientOptions.DefaultBaseAddress}";
        }

        var https = string.Equals(address.Scheme, Uri.UriSchemeHttps, StringComparison.Ordinal);
        var http = string.Equals(address.Scheme, Uri.UriSchemeHttp, StringComparison.Ordinal);
        if (!https && !http)
        {
            return "must use https";
        }

        if (http && !IsLoopback(address))
        {
            return "must use https: plain http would send the API key unencrypted, and is accepted only for a loopback host";
        }

        if (address.UserInfo.Length > 0)
        {
            return "must not contain user information: credentials in a URL end up in logs";
        }

        if (address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            return "must not contain a query or fragment";
        }

        return null;
    }

    private static bool IsLoopback(Uri address) =>
        address.IsLoopback || (IPAddress.TryParse(address.DnsSafeHost, out var ip) && IPAddress.IsLoopback(ip));
}
