using System.Text;
using System.Text.RegularExpressions;

namespace Mielto.Client.Tests.Docs;

/// <summary>README stays a front page, and every relative link of every page, anchors included, resolves.</summary>
public sealed partial class LinkTests
{
    public static TheoryData<string> Pages() => [.. DocPages.All];

    [Fact]
    public void README_is_a_front_page_of_at_most_15_KB_that_links_to_every_docs_page()
    {
        var readme = DocPages.Text("README.md");

        Assert.InRange(Encoding.UTF8.GetByteCount(readme), 1, 15 * 1024);
        Assert.All(DocPages.All.Where(p => p.StartsWith("docs/", StringComparison.Ordinal)), page => Assert.Contains($"]({page})", readme, StringComparison.Ordinal));
        Assert.Contains("](docs/ai.md)", readme[..2000], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_resolves_to_a_file_and_a_heading(string page)
    {
        var broken = new List<string>();
        foreach (Match link in Link().Matches(WithoutCode(DocPages.Text(page))))
        {
            var target = link.Groups["target"].Value;
            if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var hash = target.IndexOf('#', StringComparison.Ordinal);
            var file = hash < 0 ? target : target[..hash];
            var path = file.Length == 0 ? Path.Combine(DocPages.Root, page) : Path.GetFullPath(Path.Combine(DocPages.Root, Path.GetDirectoryName(page)!, file));
            if (!File.Exists(path) && !Directory.Exists(path))
            {
                broken.Add($"{target}: no such file");
            }
            else if (hash >= 0 && !Anchors(File.ReadAllText(path)).Contains(target[(hash + 1)..]))
            {
                broken.Add($"{target}: no such heading");
            }
        }

        Assert.True(broken.Count == 0, $"{page} has broken links:\n{string.Join('\n', broken)}");
    }

    [Fact]
    public void Anchors_are_made_as_GitHub_makes_them()
    {
        var anchors = Anchors("# Memories\n## A missing memory, or a wrong address?\n### Against the stand-in: `Mielto.Client.Testing`\n");

        Assert.Equal(["a-missing-memory-or-a-wrong-address", "against-the-stand-in-mieltoclienttesting", "memories"], anchors.Order(StringComparer.Ordinal));
    }

    private static HashSet<string> Anchors(string markdown) =>
        WithoutCode(markdown).Split('\n').Where(line => line.StartsWith('#'))
            .Select(line => Slug(line.TrimStart('#').Trim()))
            .ToHashSet(StringComparer.Ordinal);

    private static string Slug(string heading) =>
        NotSlug().Replace(heading.ToLowerInvariant(), string.Empty).Replace(' ', '-');

    private static string WithoutCode(string markdown) => Fence().Replace(markdown, string.Empty);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Link();

    [GeneratedRegex(@"[^\w\- ]", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex NotSlug();

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline, matchTimeoutMilliseconds: 1000)]
    private static partial Regex Fence();
}
