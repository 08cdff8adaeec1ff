using System.Globalization;

namespace Mielto.Client.Tests.Reliability;

/// <summary>How big a reliability run is: a default that keeps the suite fast, raised by an environment variable.</summary>
public static class RunSize
{
    public static int From(string variable, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var size) && size > 0 ? size : fallback;
}
