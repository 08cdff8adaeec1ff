using BenchmarkDotNet.Running;
using Mielto.Client.Benchmarks;

if (args is ["probe", .. var profile])
{
    return await Probe.RunAsync(profile is [var variant] ? variant : null);
}

if (args is ["paired", .. var count])
{
    return await Paired.RunAsync(count is [var pairs] ? int.Parse(pairs, System.Globalization.CultureInfo.InvariantCulture) : 31);
}

if (args is ["alternating", .. var runs])
{
    return AlternatingRuns.Run(runs is [var pairs] ? int.Parse(pairs, System.Globalization.CultureInfo.InvariantCulture) : 7);
}

if (args is ["serve", .. var size])
{
    return await StubServer.RunAsync(size is [var memories] ? int.Parse(memories, System.Globalization.CultureInfo.InvariantCulture) : 100_000);
}

if (args is ["serve-erase"])
{
    return await EraseRuns.ServeAsync();
}

if (args is ["erase", .. var eraseRuns])
{
    return await EraseRuns.RunAsync(eraseRuns is [var times] ? int.Parse(times, System.Globalization.CultureInfo.InvariantCulture) : 11);
}

if (args is ["serve-agent"])
{
    return await AgentTurns.ServeAsync();
}

if (args is ["agent", .. var agentSettings])
{
    // agent [turns] [warm-up seconds]
    var agentNumbers = agentSettings.Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    return await AgentTurns.RunAsync(agentNumbers is [var t, ..] ? t : 300, agentNumbers is [_, var w, ..] ? w : 8);
}

if (args is ["serve-chat"])
{
    return await ChatStreams.ServeAsync();
}

if (args is ["chat", .. var chatSettings])
{
    // chat [pairs] [warm-up seconds]
    var chatNumbers = chatSettings.Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    return await ChatStreams.RunAsync(chatNumbers is [var cp, ..] ? cp : 7, chatNumbers is [_, var cw, ..] ? cw : 8);
}

if (args is ["serve-knowledge"])
{
    return await Knowledge.ServeAsync();
}

if (args is ["knowledge", .. var knowledgeSettings])
{
    // knowledge [pairs] [warm-up seconds]
    var knowledgeNumbers = knowledgeSettings.Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    return await Knowledge.RunAsync(knowledgeNumbers is [var kp, ..] ? kp : 7, knowledgeNumbers is [_, var kw, ..] ? kw : 5);
}

if (args is ["remote", .. var settings])
{
    // remote [pairs] [memories listed] [figure ...]: the numbers first, then the figures to take (all when none).
    var numbers = settings.TakeWhile(s => s.All(char.IsAsciiDigit)).Select(s => int.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
    var figures = settings.Skip(numbers.Length).ToHashSet(StringComparer.Ordinal);
    if (figures.Except(Remote.Figures, StringComparer.Ordinal).ToArray() is [_, ..] unknown)
    {
        Console.Error.WriteLine($"unknown figure {string.Join(", ", unknown)}; the figures are {string.Join(", ", Remote.Figures)}");
        return 2;
    }

    return await Remote.RunAsync(numbers is [var p, ..] ? p : 11, numbers is [_, var l, ..] ? l : 100_000, figures.Count == 0 ? Remote.Figures.ToHashSet(StringComparer.Ordinal) : figures);
}

if (args is ["measure", .. var measurement])
{
    return await Remote.MeasureAsync(measurement);
}

if (args is ["loop", var who, var seconds, .. var rest])
{
    var inFlight = rest is [var n] ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : 1;
    return await Remote.LoopAsync(who, int.Parse(seconds, System.Globalization.CultureInfo.InvariantCulture), inFlight);
}

if (args is ["cold-start", ..])
{
    return await ColdStart.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
