using DotNet.Globbing;

namespace Mielto.Client.Ingestion;

/// <summary>
/// One list of patterns with <c>.gitignore</c>'s meaning, relative to one folder: blank lines and <c>#</c> comments
/// skipped, <c>!</c> re-includes, a trailing <c>/</c> matches folders only, a pattern with a <c>/</c> before its end
/// is anchored to the folder and one without matches at any depth, and the last pattern that matches decides. The
/// globs themselves (<c>*</c>, <c>?</c>, <c>[a-z]</c>, <c>**</c>) are DotNet.Glob's.
/// </summary>
internal sealed class IgnoreRules
{
    private static readonly GlobOptions Options = new() { Evaluation = { CaseInsensitive = !OperatingSystem.IsLinux() } };

    private readonly List<Rule> _rules;

    private IgnoreRules(string baseFolder, List<Rule> rules)
    {
        BaseFolder = baseFolder;
        _rules = rules;
    }

    /// <summary>The folder the patterns are relative to.</summary>
    public string BaseFolder { get; }

    /// <summary>The rules of <paramref name="patterns"/>, relative to <paramref name="baseFolder"/>; null when there are none.</summary>
    public static IgnoreRules? Parse(string baseFolder, IEnumerable<string> patterns)
    {
        var rules = new List<Rule>();
        foreach (var line in patterns)
        {
            if (Read(line) is { } rule)
            {
                rules.Add(rule);
            }
        }

        return rules.Count == 0 ? null : new IgnoreRules(baseFolder, rules);
    }

    /// <summary>The rules of the <c>.gitignore</c> in <paramref name="folder"/>; null when it has none.</summary>
    public static IgnoreRules? Load(string folder)
    {
        var file = Path.Combine(folder, ".gitignore");
        return File.Exists(file) ? Parse(folder, File.ReadLines(file)) : null;
    }

    /// <summary>True to ignore, false to keep, null when no pattern speaks of <paramref name="relativePath"/> (relative to <see cref="BaseFolder"/>, with <c>/</c>).</summary>
    public bool? Decide(string relativePath, bool isFolder)
    {
        for (var i = _rules.Count - 1; i >= 0; i--)
        {
            var rule = _rules[i];
            if ((!rule.FoldersOnly || isFolder) && rule.Glob.IsMatch(relativePath))
            {
                return !rule.Negated;
            }
        }

        return null;
    }

    private static Rule? Read(string line)
    {
        var pattern = line.TrimEnd();
        if (pattern.Length == 0 || pattern[0] == '#')
        {
            return null;
        }

        var negated = pattern[0] == '!';
        pattern = negated ? pattern[1..] : pattern;
        if (pattern.StartsWith('\\'))
        {
            pattern = pattern[1..];
        }

        var foldersOnly = pattern.EndsWith('/');
        pattern = pattern.TrimEnd('/');
        if (pattern.Length == 0)
        {
            return null;
        }

        var anchored = pattern.TrimStart('/').Contains('/', StringComparison.Ordinal) || pattern.StartsWith('/');
        pattern = pattern.TrimStart('/');
        return new Rule(Glob.Parse(anchored ? pattern : "**/" + pattern, Options), negated, foldersOnly);
    }

    private sealed record Rule(Glob Glob, bool Negated, bool FoldersOnly);
}
