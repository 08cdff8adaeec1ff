namespace Mielto.Client.Operations;

/// <summary>One page of a cursor-paged listing, as <see cref="Paging"/> needs it.</summary>
internal readonly record struct Page<T>(IReadOnlyList<T> Items, string? NextCursor, bool HasMore);
