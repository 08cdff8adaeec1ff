namespace Mielto.Client;

/// <summary>One page of contents, and how many match the filters in all.</summary>
/// <param name="Contents">The contents of this page.</param>
/// <param name="TotalCount">How many contents match, across every page; null when the server does not say.</param>
public sealed record ContentPage(IReadOnlyList<CollectionContent> Contents, int? TotalCount);
