using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Mielto.Client.Testing;
using Polly;
using Polly.Simmy;
using Polly.Simmy.Fault;
using Polly.Simmy.Outcomes;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// A chaos run at a fixed seed: Polly's chaos strategies (faults, injected 503s, latency) on every attempt of
/// the client's pipeline, and a fault schedule on the stand-in (503s, 429s, dropped connections). Every call
/// must end in its correct result or a typed exception, and no memory other than the one asked for may ever
/// be deleted. MIELTO_CHAOS_CALLS sets the number of calls (default 600).
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Seed = 20261128;

    private static readonly int Calls = RunSize.From("MIELTO_CHAOS_CALLS", 600);

    [Fact]
    public async Task Every_call_ends_in_its_result_or_a_typed_exception_and_nothing_else_is_deleted()
    {
        await using var server = await MieltoTestServer.StartAsync();
        var random = new Random(Seed);
        var requested = Enumerable.Range(0, Calls).Select(i => $"mem_{i}").ToArray();
        var existing = requested.Where(_ => random.NextDouble() < 0.8).ToHashSet();
        foreach (var id in existing)
        {
            server.AddMemory(id, userId: "user_1");
        }

        for (var i = 0; i < 100; i++)
        {
            server.AddMemory($"bystander_{i}", userId: "user_1");
        }

        for (var i = 0; i < 40; i++)
        {
            switch (random.Next(3))
            {
                case 0: server.FailNext(1, HttpStatusCode.ServiceUnavailable); break;
                case 1: server.FailNext(1, HttpStatusCode.TooManyRequests, TimeSpan.Zero); break;
                default: server.DropNext(1); break;
            }
        }

        var services = new ServiceCollection();
        services.AddMieltoClient(server.Configure).AddResilienceHandler("chaos", pipeline =>
        {
            Func<double> randomizer = () =>
            {
                lock (random)
                {
                    return random.NextDouble();
                }
            };
            pipeline
                .AddChaosFault(new ChaosFaultStrategyOptions
                {
                    InjectionRate = 0.1,
                    FaultGenerator = new FaultGenerator().AddException(() => new HttpRequestException("chaos: connection lost")),
                    Randomizer = randomizer,
                })
                .AddChaosOutcome(new ChaosOutcomeStrategyOptions<HttpResponseMessage>
                {
                    InjectionRate = 0.1,
                    OutcomeGenerator = _ => new ValueTask<Outcome<HttpResponseMessage>?>(Outcome.FromResult(new HttpResponseMessage(HttpStatusCode.BadGateway))),
                    Randomizer = randomizer,
                })
                .AddChaosLatency(new Polly.Simmy.Latency.ChaosLatencyStrategyOptions
                {
                    InjectionRate = 0.05,
                    Latency = TimeSpan.FromMilliseconds(20),
                    Randomizer = randomizer,
                });
        });
        services.Configure<MieltoClientOptions>(o =>
        {
            o.RetryDelay = TimeSpan.FromMilliseconds(1);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(5);
        });
        await using var provider = services.BuildServiceProvider();
        var memories = provider.GetRequiredService<IMemoriesClient>();

        var outcomes = new string[requested.Length];
        await Parallel.ForEachAsync(Enumerable.Range(0, requested.Length), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            try
            {
                var result = await memories.DeleteAsync(requested[i], cancellationToken: token);
                Assert.Equal(requested[i], result.MemoryId);
                Assert.Contains(requested[i], existing);
                outcomes[i] = "deleted";
            }
            catch (MemoryNotFoundException)
            {
                Assert.DoesNotContain(requested[i], existing);
                outcomes[i] = nameof(MemoryNotFoundException);
            }
            catch (MieltoException error)
            {
                outcomes[i] = error.GetType().Name;
            }
        });

        var left = server.Memories.Select(m => m.MemoryId).ToHashSet();
        output.WriteLine($"{Calls} calls under chaos (seed {Seed}), {server.Requests.Count} requests reached the stand-in: " +
            string.Join(", ", outcomes.GroupBy(o => o).OrderByDescending(g => g.Count()).Select(g => $"{g.Count()} {g.Key}")));
        Assert.All(Enumerable.Range(0, 100), i => Assert.Contains($"bystander_{i}", left));
        for (var i = 0; i < requested.Length; i++)
        {
            Assert.Equal(outcomes[i] == "deleted" || !existing.Contains(requested[i]), !left.Contains(requested[i]));
        }

        Assert.Contains("deleted", outcomes);
        Assert.Contains(outcomes, o => o is not "deleted" and not nameof(MemoryNotFoundException));
    }
}
