namespace Mielto.Client.Benchmarks;

/// <summary>The order statistics the harnesses report.</summary>
internal static class Stats
{
    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>The value at <paramref name="quantile"/> (0 to 1) of values already in ascending order, nearest rank.</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double quantile) => sorted[(int)Math.Round(quantile * (sorted.Count - 1))];
}
