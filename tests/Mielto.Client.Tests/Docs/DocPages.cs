using System.Text.RegularExpressions;

namespace Mielto.Client.Tests.Docs;

/// <summary>The repository's doc pages (README, CONTRIBUTING and <c>docs/</c>) and their fenced blocks.</summary>
public static partial class DocPages
{
    /// <summary>The repository's root: the folder with the solution, above the test's output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Every doc page, relative to the root.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "README.md",
        "CONTRIBUTING.md",
        .. Directory.GetFiles(Path.Combine(Root, "docs"), "*.md").Order(StringComparer.Ordinal).Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/')),
    ];

    /// <summary>Every fenced block of every page.</summary>
    public static IReadOnlyList<DocBlock> Blocks { get; } = [.. All.SelectMany(Read)];

    public static string Text(string page) => File.ReadAllText(Path.Combine(Root, page));

    private static IEnumerable<DocBlock> Read(string page)
    {
        var lines = File.ReadAllLines(Path.Combine(Root, page));
        var pageContext = lines.Select(line => PageContextPattern().Match(line)).FirstOrDefault(m => m.Success)?.Groups["text"].Value.Trim();
        for (var i = 0; i < lines.Length; i++)
        {
            // A fence may be indented, inside a list item: its body and its closing fence then carry the same indent.
            var indent = lines[i].Length - lines[i].TrimStart(' ').Length;
            var fence = lines[i][indent..];
            if (!fence.StartsWith("```", StringComparison.Ordinal) || fence.Length == 3)
            {
                continue;
            }

            var start = i;
            var close = new string(' ', indent) + "```";
            var body = new List<string>();
            while (++i < lines.Length && !string.Equals(lines[i], close, StringComparison.Ordinal))
            {
                body.Add(lines[i].Length >= indent && string.IsNullOrWhiteSpace(lines[i][..indent]) ? lines[i][indent..] : lines[i]);
            }

            var directive = start > 0 && DirectivePattern().Match(lines[start - 1].Trim()) is { Success: true } m ? m.Groups["text"].Value.Trim() : null;
            yield return new DocBlock(page, start + 1, fence[3..].Trim(), string.Join('\n', body), directive, pageContext);
        }
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory.FullName, "Mielto.Client.sln")))
        {
            directory = directory.Parent ?? throw new InvalidOperationException("The repository's root (with Mielto.Client.sln) is not above " + AppContext.BaseDirectory);
        }

        return directory.FullName;
    }

    [GeneratedRegex(@"^<!-- snippet: (?<text>.*) -->$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex DirectivePattern();

    [GeneratedRegex(@"^<!-- snippet-context: (?<text>.*) -->$", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex PageContextPattern();
}
