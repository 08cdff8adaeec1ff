using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Mielto.Client.Tests.Infrastructure;

/// <summary>
/// Starts the test process with more thread-pool threads than cores. The test host blocks two pool threads for the
/// whole run (its message loop polls a socket, and the xUnit adapter waits on a handle), which on a 2-core machine
/// leaves one thread for the tests and their servers: a burst of work then waits for the pool to add threads, about
/// half a second each, and a test of a 400 ms limit saw its connection wait longer than that (thread stacks taken
/// with dotnet-stack during the wait).
/// </summary>
internal static class ThreadPoolStart
{
    [ModuleInitializer]
    [SuppressMessage("Usage", "CA2255", Justification = "A test assembly, whose process it configures before any test runs.")]
    internal static void Initialize()
    {
        ThreadPool.GetMinThreads(out var workers, out var completion);
        ThreadPool.SetMinThreads(Math.Max(workers, 4 * Environment.ProcessorCount), completion);
    }
}
