using System.Diagnostics;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>Waits, polling, for something another thread does: at most 10 s, so that a test that cannot pass fails.</summary>
public static class Until
{
    public static async Task TrueAsync(Func<bool> condition)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(10), "condition not met in 10 s");
            await Task.Delay(5);
        }
    }
}
