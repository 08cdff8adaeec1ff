using Mielto.Client.Testing;

namespace Mielto.Client.Tests.StandIn;

/// <summary>Base of the tests on the collection's stand-in: it is reset before each test, and a client of fast retries points at it.</summary>
public abstract class StandInTest
{
    protected StandInTest(StandInFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Server = fixture.Server;
        Server.Reset();
        Memories = fixture.Client.Memories;
    }

    protected MieltoTestServer Server { get; }

    protected IMemoriesClient Memories { get; }
}
