using System.Runtime.CompilerServices;

namespace WebUI.Tests;

/// <summary>
/// bUnit's synchronous WaitFor*/Click calls block a pool thread while the renderer's dispatcher needs another; with test
/// classes running in parallel on two cores the pool grows too slowly and a wait can time out before its check ever
/// runs (bUnit names this case). A higher minimum, as bUnit advises, keeps the checks running.
/// </summary>
internal static class ThreadPoolWarmup
{
    [ModuleInitializer]
    internal static void RaiseMinimum()
    {
        ThreadPool.GetMinThreads(out var worker, out var io);
        ThreadPool.SetMinThreads(Math.Max(worker, 32), Math.Max(io, 32));
        // bUnit's default of one second is a render or two on a machine at load 30; a wait that passes returns at once.
        Bunit.BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(10);
    }
}
