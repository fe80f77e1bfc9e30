using System.Diagnostics;

namespace PetStore.Bench;

/// <summary>Operations timed one by one, and the wall time they took together.</summary>
internal sealed class Timings
{
    private readonly List<double> _latenciesMs = [];
    private readonly List<double> _runSeconds = [];

    public int Operations { get; private set; }

    public double Seconds { get; private set; }

    public IReadOnlyList<double> LatenciesMs => _latenciesMs;

    /// <summary>The wall time of each measured run (round) that was added.</summary>
    public IReadOnlyList<double> RunSeconds => _runSeconds;

    public void Add(int operations, TimeSpan elapsed, IEnumerable<double> latenciesMs)
    {
        Operations += operations;
        Seconds += elapsed.TotalSeconds;
        _runSeconds.Add(elapsed.TotalSeconds);
        _latenciesMs.AddRange(latenciesMs);
    }

    public PathStats ToStats(string description)
    {
        var sorted = _latenciesMs.Order().ToArray();
        return new PathStats(
            description,
            Operations,
            Math.Round(Seconds, 4),
            Math.Round(Operations / Seconds, 1),
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.95),
            _runSeconds.Select(s => Math.Round(s, 4)).ToList());
    }

    // Nearest rank: the smallest latency that at least that share of operations did not exceed.
    private static double? Percentile(double[] sorted, double share) =>
        sorted.Length == 0 ? null : Math.Round(sorted[Math.Max(0, (int)Math.Ceiling(share * sorted.Length) - 1)], 2);
}

internal static class Load
{
    /// <summary>
    /// Runs operations 0..count-1 with at most <paramref name="concurrency"/> in flight: each worker takes the next
    /// index when its last operation finishes, so the load stays level instead of arriving in waves.
    /// </summary>
    public static async Task<(TimeSpan Elapsed, double[] LatenciesMs)> RunAsync(
        int count,
        int concurrency,
        Func<int, CancellationToken, Task> operation,
        CancellationToken cancellationToken)
    {
        var latencies = new double[count];
        var next = -1;
        var start = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, Math.Min(concurrency, count)).Select(async _ =>
        {
            await Task.Yield();
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var begun = Stopwatch.GetTimestamp();
                await operation(i, cancellationToken);
                latencies[i] = Stopwatch.GetElapsedTime(begun).TotalMilliseconds;
            }
        });
        await Task.WhenAll(workers);
        return (Stopwatch.GetElapsedTime(start), latencies);
    }

    /// <summary>Runs and times one operation that is measured as a whole (a purge run, a list walk).</summary>
    public static async Task<TimeSpan> TimeAsync(Func<Task> operation)
    {
        var begun = Stopwatch.GetTimestamp();
        await operation();
        return Stopwatch.GetElapsedTime(begun);
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
            async Task RunAppAsync()
            {
                var (elapsed, latencies) = await RunAsync(size, concurrency, (i, ct) => app(first + i, ct), cancellationToken);
                appTimings.Add(size, elapsed, latencies);
            }

            async Task RunFloorAsync()
            {
                var (elapsed, latencies) = await RunAsync(size, concurrency, (i, ct) => floor(first + i, ct), cancellationToken);
                floorTimings.Add(size, elapsed, latencies);
            }

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
