using System.Diagnostics;

namespace PetStore.Bench;

/// <summary>Measured runs of one path added up: operations, wall time, latencies and process counters.</summary>
internal sealed class Timings
{
    private readonly List<double> _latenciesMs = [];
    private readonly List<RoundStats> _rounds = [];

    public int Operations { get; private set; }

    public double Seconds { get; private set; }

    public IReadOnlyList<double> LatenciesMs => _latenciesMs;

    /// <summary>Each measured run (round) that was added, in order.</summary>
    public IReadOnlyList<RoundStats> Rounds => _rounds;

    public void Add(int operations, Measured run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Operations += operations;
        Seconds += run.Elapsed.TotalSeconds;
        _latenciesMs.AddRange(run.LatenciesMs);
        _rounds.Add(new RoundStats(
            operations,
            Math.Round(run.Elapsed.TotalSeconds, 4),
            Math.Round(run.Used.Cpu.TotalSeconds, 4),
            run.Used.AllocatedBytes,
            run.Used.JitCompilations));
    }

    public PathStats ToStats(string description)
    {
        var sorted = _latenciesMs.Order().ToArray();
        var cpuSeconds = _rounds.Sum(r => r.CpuSeconds);
        return new PathStats(
            description,
            Operations,
            Math.Round(Seconds, 4),
            Math.Round(Operations / Seconds, 1),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            Math.Round(cpuSeconds * 1e6 / Operations, 1),
            Math.Round((double)_rounds.Sum(r => r.AllocatedBytes) / Operations, 0),
            Math.Round((double)_rounds.Sum(r => r.JitCompilations) / Operations, 3),
            [.. _rounds]);
    }

    // Nearest rank: the smallest latency that at least that share of operations did not exceed.
    private static double? Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)], 2);
}

internal static class Load
{
    private static readonly TimeSpan SettlePoll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan QuietJit = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxSettle = TimeSpan.FromSeconds(5);
    private const int WarmUpParts = 4;
    private const int MinWarmUpPart = 50;

    /// <summary>
    /// Runs operations 0..count-1 with at most <paramref name="concurrency"/> in flight: each worker takes the next
    /// index when its last operation finishes, so the load stays level instead of arriving in waves.
    /// </summary>
    public static async Task<Measured> RunAsync(
        int count,
        int concurrency,
        Func<int, CancellationToken, Task> operation,
        CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        var run = await MeasureAsync(() => Task.WhenAll(Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var begun = Stopwatch.GetTimestamp();
                await operation(i, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
            }
        })));
        return run with { LatenciesMs = latencies };
    }

    /// <summary>Runs <paramref name="operation"/> once, reading the clock and the process counters around it.</summary>
    public static async Task<Measured> MeasureAsync(Func<Task> operation)
    {
        ArgumentNullException.ThrowIfNull(operation);
        var counters = ProcessCounters.Read();
        var begun = Stopwatch.GetTimestamp();
        await operation();
        var elapsed = Stopwatch.GetElapsedTime(begun);
        return new Measured(elapsed, ProcessCounters.Read().Since(counters), []);
    }

    /// <summary>
    /// The unmeasured warm-up of both paths, <paramref name="count"/> operations each (indices 0..count-1), in up to
    /// four parts with a pause for the JIT after each: the runtime recompiles a hot method in steps (instrumented,
    /// then optimised), each only after enough calls made once the JIT has been quiet for a moment, so a single
    /// burst leaves the later steps to the measured rounds. A part is at least 50 operations, enough calls for a step.
    /// </summary>
    public static async Task WarmUpAsync(
        int count,
        int concurrency,
        Func<int, CancellationToken, Task> app,
        Func<int, CancellationToken, Task> floor,
        CancellationToken cancellationToken)
    {
        var parts = Math.Clamp(count / MinWarmUpPart, 1, WarmUpParts);
        for (var part = 0; part < parts; part++)
        {
            var first = part * count / parts;
            var size = ((part + 1) * count / parts) - first;
            await RunAsync(size, concurrency, (i, ct) => app(first + i, ct), cancellationToken);
            await RunAsync(size, concurrency, (i, ct) => floor(first + i, ct), cancellationToken);
            await SettleAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Waits until the JIT has been idle for a moment (at most a few seconds), so the background tier-up compilation
    /// of what the warm-up made hot lands before a measured window rather than in it.
    /// </summary>
    public static async Task SettleAsync(CancellationToken cancellationToken)
    {
        var quietFor = TimeSpan.Zero;
        var waited = Stopwatch.StartNew();
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        while (quietFor < QuietJit && waited.Elapsed < MaxSettle)
        {
            await Task.Delay(SettlePoll, cancellationToken);
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            quietFor = now == compiled ? quietFor + SettlePoll : TimeSpan.Zero;
            compiled = now;
        }
    }

    /// <summary>
    /// Splits <paramref name="total"/> operations of each path into rounds and runs them app-floor, floor-app, ...
    /// so that whatever else the machine does during the run lands on both paths about evenly.
    /// </summary>
    public static async Task<(Timings App, Timings Floor)> InterleaveAsync(
        int total,
        int rounds,
        int concurrency,
        Func<int, CancellationToken, Task> app,
        Func<int, CancellationToken, Task> floor,
        CancellationToken cancellationToken)
    {
        var appTimings = new Timings();
        var floorTimings = new Timings();
        rounds = Math.Clamp(rounds, 1, total);
        var offset = 0;
        for (var round = 0; round < rounds; round++)
        {
            var size = (total / rounds) + (round < total % rounds ? 1 : 0);
            var first = offset;
            async Task RunAppAsync() =>
                appTimings.Add(size, await RunAsync(size, concurrency, (i, ct) => app(first + i, ct), cancellationToken));

            async Task RunFloorAsync() =>
                floorTimings.Add(size, await RunAsync(size, concurrency, (i, ct) => floor(first + i, ct), cancellationToken));

            if (round % 2 == 0)
            {
                await RunAppAsync();
                await RunFloorAsync();
            }
            else
            {
                await RunFloorAsync();
                await RunAppAsync();
            }

            offset += size;
        }

        return (appTimings, floorTimings);
    }
}
