using System.Runtime;

namespace PetStore.Bench;

/// <summary>
/// The runtime's own counters for this whole process: CPU time (user and kernel, all threads), bytes allocated on the
/// managed heap, and methods the JIT compiled (every tier, dynamic methods included). The difference between two
/// readings charges a measured window with everything the process did in it: the path under test, the load driver
/// (the same for both paths), the GC and background tier-up compilation. Operations run concurrently, so only
/// process-wide totals over the window are honest; per-thread numbers would miss continuations on other threads.
/// Azurite runs in a node process of its own, so none of its work is in here: this is the client-side cost of the
/// app or of the floor.
/// </summary>
/// <param name="Cpu">Process CPU time, from <see cref="Environment.CpuUsage"/>.</param>
/// <param name="AllocatedBytes">From <see cref="GC.GetTotalAllocatedBytes(bool)"/> with <c>precise: true</c>.</param>
/// <param name="JitCompilations">From <see cref="JitInfo.GetCompiledMethodCount(bool)"/> for all threads.</param>
internal readonly record struct ProcessCounters(TimeSpan Cpu, long AllocatedBytes, long JitCompilations)
{
    // A precise allocation total briefly suspends the runtime; twice per measured round, that is negligible.
    public static ProcessCounters Read() =>
        new(Environment.CpuUsage.TotalTime, GC.GetTotalAllocatedBytes(precise: true), JitInfo.GetCompiledMethodCount(currentThread: false));

    /// <summary>What the process used between <paramref name="start"/> and this reading.</summary>
    public ProcessCounters Since(ProcessCounters start) =>
        new(Cpu - start.Cpu, AllocatedBytes - start.AllocatedBytes, JitCompilations - start.JitCompilations);
}

/// <summary>One measured run: its wall time, what the process used meanwhile, and each operation's latency.</summary>
/// <param name="LatenciesMs">Per-operation latencies; empty where the run is one operation timed whole.</param>
internal sealed record Measured(TimeSpan Elapsed, ProcessCounters Used, IReadOnlyList<double> LatenciesMs);
