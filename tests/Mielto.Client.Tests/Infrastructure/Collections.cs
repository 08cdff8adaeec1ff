namespace Mielto.Client.Tests.Infrastructure;

[CollectionDefinition(Name)]
public sealed class RequestsCollection : ICollectionFixture<WireServer>
{
    public const string Name = "Requests";
}

[CollectionDefinition(Name)]
public sealed class ResponsesCollection : ICollectionFixture<WireServer>
{
    public const string Name = "Responses";
}

[CollectionDefinition(Name)]
public sealed class ResilienceCollection : ICollectionFixture<WireServer>
{
    public const string Name = "Resilience";
}

[CollectionDefinition(Name)]
public sealed class ClientCollection : ICollectionFixture<WireServer>
{
    public const string Name = "Client";
}

[CollectionDefinition(Name)]
public sealed class PagingCollection : ICollectionFixture<WireServer>
{
    public const string Name = "Paging";
}

/// <summary>
/// Alone: the live heap it samples is the whole process's, which other tests running beside it (the endless-body
/// tests fill the shared array pool) would move.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "Heap measuring";
}
