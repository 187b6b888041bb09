using System.Diagnostics;
using System.Globalization;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Hidden mode <c>ingest-worker</c>, started by <see cref="SharpIngestBenchmark"/> in a fresh process so that its
/// peak memory is ours alone: runs the full ingest over the given files with a fixed number of photos in flight
/// (as an imaging queue with that parallelism would), and prints one line of results, including the kernel's
/// high-water mark of the resident set (VmHWM), and the CPU time it used.
/// The C heap is set up as named (<c>Keep</c>, the app's default, or <c>System</c>) before any imaging.
/// Usage: ingest-worker [--parallel N] [--passes N] [--heap Keep|System] [--one-thread] files...
/// </summary>
public static class IngestWorker
{
    public const string ResultPrefix = "INGEST-WORKER ";

    public static int Run(string[] args)
    {
        var parallel = Option(args, "--parallel", 2);
        var passes = Option(args, "--passes", 2);
        var oneThread = args.Contains("--one-thread");
        var heapAt = Array.IndexOf(args, "--heap");
        var heap = heapAt >= 0 ? Enum.Parse<ProgressTracker.Imaging.Memory.NativeHeapMode>(args[heapAt + 1]) : ProgressTracker.Imaging.Memory.NativeHeapMode.Keep;
        ProgressTracker.Imaging.Memory.NativeHeap.Configure(heap);
        var files = args.Skip(1).Where(File.Exists).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine("ingest-worker: no files given");
            return 2;
        }

        var originals = files.Select(File.ReadAllBytes).ToList();
        Func<byte[], CancellationToken, long> ingest = oneThread ? IngestPipelines.FullIngestOnOneThread : IngestPipelines.FullIngest;

        // One warm-up photo first, so JIT and library start-up are not in the throughput figure.
        ingest(originals[0], CancellationToken.None);

        var queue = new System.Collections.Concurrent.ConcurrentQueue<byte[]>(
            Enumerable.Range(0, passes).SelectMany(_ => originals));
        var count = queue.Count;
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, parallel).Select(_ => Task.Factory.StartNew(() =>
        {
            while (queue.TryDequeue(out var original)) ingest(original, CancellationToken.None);
        }, TaskCreationOptions.LongRunning)).ToArray();
        Task.WaitAll(workers);
        clock.Stop();
        // CPU time, unlike wall time, does not depend on what else the machine is running.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var status = File.Exists("/proc/self/status") ? File.ReadAllLines("/proc/self/status") : [];
        long Kb(string field) => status.Where(l => l.StartsWith(field + ":", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture))
            .FirstOrDefault(-1);

        Console.WriteLine(FormattableString.Invariant(
            $"{ResultPrefix}photos={count} parallel={parallel} seconds={clock.Elapsed.TotalSeconds:F3} cpu_seconds={cpu.TotalSeconds:F3} vmhwm_kb={Kb("VmHWM")} vmrss_kb={Kb("VmRSS")} managed_peak_kb={GC.GetGCMemoryInfo().HeapSizeBytes / 1024}"));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
