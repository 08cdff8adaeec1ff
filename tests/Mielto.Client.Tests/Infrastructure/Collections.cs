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
