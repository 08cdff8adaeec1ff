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
/// Tests that run alone, because what they measure is the whole process's (the live heap, the bytes allocated), which
/// other tests running beside them would move: the export's heap, the load test's heap, and the endless bodies' allocations.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasuringCollection
{
    public const string Name = "Heap measuring";
}
