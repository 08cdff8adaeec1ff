namespace Mielto.Client;

/// <summary>One page of collections, and how many match the filters in all.</summary>
/// <param name="Collections">The collections of this page.</param>
/// <param name="TotalCount">How many collections match the filters, across every page; null when the server does not say.</param>
public sealed record CollectionPage(IReadOnlyList<Collection> Collections, int? TotalCount);
