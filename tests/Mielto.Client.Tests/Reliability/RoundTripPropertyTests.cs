using System.Globalization;
using System.Text.Json;
using CsCheck;
using Mielto.Client.Testing;
using Xunit.Abstractions;

namespace Mielto.Client.Tests.Reliability;

/// <summary>
/// Property: any content, topics and metadata (any JSON, nested, with numbers kept to the digit) that can be sent
/// unchanged round-trip exactly through create then get on the stand-in; anything else is refused with an
/// <see cref="ArgumentException"/> before a request is sent. Set MIELTO_PROPERTY_ITERATIONS to run more cases.
/// </summary>
public sealed class RoundTripPropertyTests : IAsyncLifetime
{
    private static readonly int Iterations = RunSize.From("MIELTO_PROPERTY_ITERATIONS", 600);

    private static readonly Gen<char> Tricky = Gen.OneOf<char>(
        '"', '\\', '/', '\b', '\f', '\n', '\r', '\t', '\0', '\u001f', '\u007f', '\u2028', '\u2029', '<', '>', '&', '\'', '+', 'é', '☃', '\ud83d', '\ude00', '\ufeff', 'a', ' ');

    /// <summary>Text a JSON string can carry unchanged: no unpaired surrogate.</summary>
    private static readonly Gen<string> WellFormed = Gen.OneOf<string>(Gen.String, Gen.String[Tricky, 0, 16], Gen.OneOf<string>("", "😀", "a\u0000b"))
        .Where(t => !TextRules.HasUnpairedSurrogate(t));

    /// <summary>Mostly well-formed text, and now and then text with an unpaired surrogate, which must be refused.</summary>
    private static readonly Gen<string> Text = Gen.Frequency(
        (12, WellFormed),
        (1, Gen.Select(WellFormed, Gen.OneOf('\ud800', '\udfff'), WellFormed).Select((a, c, b) => a + c + b)));

    private static readonly Gen<string> Number = Gen.OneOf<string>(
        Gen.Long.Select(n => n.ToString(CultureInfo.InvariantCulture)),
        Gen.Double.Where(double.IsFinite).Select(d => d.ToString("R", CultureInfo.InvariantCulture)),
        Gen.OneOf<string>("0", "-0", "1.50", "1e3", "-2.5E-7", "12345678901234567890", "0.1000000000000000055511151231257827"));

    private static readonly Gen<string> Scalar = Gen.OneOf<string>(
        Gen.OneOf<string>("null", "true", "false"), Number, WellFormed.Select(s => JsonSerializer.Serialize(s)));

    private static readonly Gen<Dictionary<string, JsonElement>?> Metadata =
        Gen.Select(Gen.Int[0, 4], Gen.Int[0, 3]).SelectMany((count, depth) =>
            Gen.Select(WellFormed, Json(depth)).Array[count].Select(entries => entries
                .Select((e, i) => (Key: $"{i}:{e.Item1}", Value: JsonDocument.Parse(e.Item2).RootElement.Clone()))
                .ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal)))
        .Null(0.2);

    private static readonly Gen<string[]?> Topics = Text.Array[0, 3].Null(0.3);

    private readonly ITestOutputHelper _output;
    private MieltoTestServer _server = null!;
    private MieltoClient _client = null!;

    public RoundTripPropertyTests(ITestOutputHelper output) => _output = output;

    public async Task InitializeAsync()
    {
        _server = await MieltoTestServer.StartAsync();
        _client = _server.CreateClient(o => o.MaxRetries = 0);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Any_content_and_metadata_round_trip_exactly_through_create_and_get()
    {
        var (kept, refused) = (0, 0);
        await Gen.Select(Text, Text, Topics, Metadata).SampleAsync(
            async (userId, content, topics, metadata) =>
            {
                var request = new MemoryCreateRequest { UserId = userId, Content = content, Topics = topics, Metadata = metadata };
                var sendable = !TextRules.HasUnpairedSurrogate(userId) && !TextRules.HasUnpairedSurrogate(content) && (topics ?? []).All(t => !TextRules.HasUnpairedSurrogate(t));
                var before = _server.Requests.Count;
                MemoryCreateResponse created;
                try
                {
                    created = await _client.Memories.CreateAsync(request);
                }
                catch (ArgumentException)
                {
                    Assert.False(sendable, "refused input that can be sent unchanged");
                    Assert.Equal(before, _server.Requests.Count);
                    refused++;
                    return;
                }

                Assert.True(sendable, "sent input that cannot reach the server unchanged");
                var got = await _client.Memories.GetAsync(created.MemoryId, userId: userId);
                Assert.Equal(userId, got.UserId);
                Assert.Equal(content, got.Content);
                Assert.Equal(topics, got.Topics);
                AssertSameJson(metadata, got.Metadata);
                AssertSameJson(metadata, created.Memory.Metadata);
                kept++;
            },
            writeLine: _output.WriteLine,
            iter: Iterations,
            threads: 1);

        _output.WriteLine($"{Iterations} cases: {kept} round-tripped exactly, {refused} refused before sending.");
        Assert.True(kept > Iterations / 2 && refused > 0, $"the generator must exercise both paths ({kept} kept, {refused} refused)");
    }

    private static Gen<string> Json(int depth) => depth == 0
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Json(depth - 1).Array[0, 3].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(WellFormed, Json(depth - 1)).Array[0, 3].Select(members =>
                "{" + string.Join(",", members.Select((m, i) => JsonSerializer.Serialize($"{i}{m.Item1}") + ":" + m.Item2)) + "}")));

    /// <summary>The same JSON to the letter: names and order of members, numbers as written, strings by value.</summary>
    private static void AssertSameJson(Dictionary<string, JsonElement>? expected, IReadOnlyDictionary<string, JsonElement>? actual)
    {
        if (expected is null)
        {
            Assert.Null(actual);
            return;
        }

        Assert.NotNull(actual);
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (key, value) in expected)
        {
            AssertSameJson(value, actual[key]);
        }
    }

    private static void AssertSameJson(JsonElement expected, JsonElement actual)
    {
        Assert.Equal(expected.ValueKind, actual.ValueKind);
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
                Assert.Equal(expected.GetRawText(), actual.GetRawText());
                break;
            case JsonValueKind.String:
                Assert.Equal(expected.GetString(), actual.GetString());
                break;
            case JsonValueKind.Array:
                Assert.Equal(expected.GetArrayLength(), actual.GetArrayLength());
                foreach (var (e, a) in expected.EnumerateArray().Zip(actual.EnumerateArray()))
                {
                    AssertSameJson(e, a);
                }

                break;
            case JsonValueKind.Object:
                Assert.Equal(expected.EnumerateObject().Select(p => p.Name), actual.EnumerateObject().Select(p => p.Name));
                foreach (var (e, a) in expected.EnumerateObject().Zip(actual.EnumerateObject()))
                {
                    AssertSameJson(e.Value, a.Value);
                }

                break;
        }
    }
}
