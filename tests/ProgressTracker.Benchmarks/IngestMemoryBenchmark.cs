using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using OpenCvSharp;
using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Evaluation;
using ProgressTracker.Imaging.Memory;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// <c>ingest-memory</c>: why full-resolution imaging costs two to three times more on some machines, with the
/// evidence. Each way of running the C heap gets a fresh process (the choice is process-wide and cannot be undone):
/// glibc's defaults, the app's <see cref="NativeHeap"/> (large blocks kept), and, for comparison only, glibc's
/// <c>GLIBC_TUNABLES=glibc.malloc.hugetlb=1</c>, which only works when set before the process starts. In each, every
/// stage of the full ingest is timed with the page faults it took (from /proc/thread-self/stat), after a probe that
/// touches a freshly allocated 36 MB block (one 12 MP BGR image) twice.
/// Usage: ingest-memory [--runs N]
/// </summary>
public static class IngestMemoryBenchmark
{
    private const string ChildMode = "ingest-memory-child";
    private const string LinePrefix = "STAGE ";
    private static readonly ImageLimits Limits = new();

    private sealed record Setting(string Key, string Label, NativeHeapMode Heap, string? Tunables);

    private static readonly Setting[] Settings =
    [
        new("system", "glibc defaults", NativeHeapMode.System, null),
        new("keep", "app: NativeHeap.Keep", NativeHeapMode.Keep, null),
        new("hugetlb", "glibc hugetlb=1 (env only)", NativeHeapMode.System, "glibc.malloc.hugetlb=1"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = BenchArgs.Option(args, "--runs", 7);
        Console.WriteLine($"Ingest memory: time and page faults per stage, 12 MP, median of {runs} runs");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} cores, {Machine.Describe()}, kernel {Environment.OSVersion.Version}, " +
                          $"transparent huge pages: {TransparentHugePages()}");
        var (files, heicProblem) = PhoneCameraFiles.Build();
        if (heicProblem is not null) Console.WriteLine($"  HEIC: not measured — {heicProblem}");
        var paths = files.Select(f => f.Path).ToList();

        var results = new Dictionary<string, List<(string Stage, double Ms, double Faults)>>();
        foreach (var setting in Settings)
        {
            var lines = await RunChildAsync(setting, runs, paths);
            results[setting.Key] = lines;
        }

        var stages = results.Values.First().Select(r => r.Stage).ToList();
        Console.WriteLine();
        Console.WriteLine($"  {"stage (median ms / page faults)",-66}" + string.Concat(Settings.Select(s => $"{s.Label,28}")));
        foreach (var stage in stages)
        {
            Console.Write($"  {stage,-66}");
            foreach (var setting in Settings)
            {
                var row = results[setting.Key].FirstOrDefault(r => r.Stage == stage);
                Console.Write(row.Stage is null ? $"{"n/a",28}" : $"{row.Ms,16:0.0} ms {row.Faults,7:0} pf");
            }
            Console.WriteLine();
        }
        Console.WriteLine("  pf: minor page faults taken by the thread during the stage (4 KiB each unless a huge page backs them).");
        Console.WriteLine($"  load average at end {Machine.LoadAverage()}");
        return 0;
    }

    /// <summary>The child: applies the heap setting, then measures each stage and prints one line per stage.</summary>
    public static int RunChild(string[] args)
    {
        var heap = Enum.Parse<NativeHeapMode>(args[Array.IndexOf(args, "--heap") + 1]);
        var runs = BenchArgs.Option(args, "--runs", 7);
        var files = args.Where(a => File.Exists(a)).ToList();
        var applied = NativeHeap.Configure(heap);
        if (applied != heap) Console.Error.WriteLine($"heap setting {heap} could not be applied here; running with {applied}");

        Probe(runs);
        var jpegPath = files.SingleOrDefault(f => f.EndsWith("jpeg-o6-portrait.jpg", StringComparison.Ordinal));
        if (jpegPath is not null) JpegStages(File.ReadAllBytes(jpegPath), runs);
        foreach (var heic in files.Where(f => f.EndsWith(".heic", StringComparison.Ordinal)))
        {
            var bytes = File.ReadAllBytes(heic);
            var name = Path.GetFileNameWithoutExtension(heic);
            Stage($"{name}: normalise (libheif decode, convert, export)", runs, () => PhotoNormalizer.Normalize(bytes, Limits).Dispose());
            Stage($"{name}: full ingest", runs, () => IngestPipelines.FullIngest(bytes));
            Stage($"{name}: full ingest, master not on a 2nd thread", runs, () => IngestPipelines.FullIngestOnOneThread(bytes));
        }
        return 0;
    }

    private static void JpegStages(byte[] jpeg, int runs)
    {
        using (var stored = Cv2.ImDecode(jpeg, ImreadModes.Color | ImreadModes.IgnoreOrientation))
        using (var upright = Cv2.ImDecode(jpeg, ImreadModes.Color))
        {
            Stage("JPEG o6: decode at full size (libjpeg-turbo)", runs, () => Cv2.ImDecode(jpeg, ImreadModes.Color | ImreadModes.IgnoreOrientation).Dispose());
            Stage("JPEG o6: turn upright (90°)", runs, () =>
            {
                using var turned = new Mat();
                Cv2.Rotate(stored, turned, RotateFlags.Rotate90Clockwise);
            });
            Stage("JPEG o6: normalise (inspect, decode, turn)", runs, () => PhotoNormalizer.Normalize(jpeg, Limits).Dispose());
            Stage("master JPEG q92 (12 MP)", runs, () => DerivativeRenderer.EncodeJpeg(upright, DerivativeSpec.MasterJpegQuality, DerivativeSpec.MasterOptimizedHuffman));
            Stage("display + thumb (shrink, 2 JPEG, 2 WebP)", runs, () =>
            {
                using var display = DerivativeRenderer.ResizeToLongEdge(upright, DerivativeSpec.DisplayLongEdge);
                using var thumb = DerivativeRenderer.ResizeToLongEdge(display, DerivativeSpec.ThumbLongEdge);
                DerivativeRenderer.EncodeJpeg(display, DerivativeSpec.JpegQuality);
                DerivativeRenderer.EncodeWebp(display, DerivativeSpec.WebpQuality);
                DerivativeRenderer.EncodeJpeg(thumb, DerivativeSpec.JpegQuality);
                DerivativeRenderer.EncodeWebp(thumb, DerivativeSpec.WebpQuality);
            });
        }
        Stage("JPEG o6: full ingest", runs, () => IngestPipelines.FullIngest(jpeg));
        Stage("JPEG o6: full ingest, master not on a 2nd thread", runs, () => IngestPipelines.FullIngestOnOneThread(jpeg));
    }

    /// <summary>The mechanism on its own: first and second touch of a freshly allocated 36 MB block.</summary>
    private static unsafe void Probe(int runs)
    {
        const int Size = 4032 * 3024 * 3;
        var first = new List<(double, double)>();
        var second = new List<(double, double)>();
        for (var i = 0; i < runs + 1; i++)
        {
            var block = NativeMemory.Alloc(Size);
            try
            {
                var address = (nint)block;
                var one = Measure(() => NativeMemory.Fill((void*)address, Size, 1));
                var two = Measure(() => NativeMemory.Fill((void*)address, Size, 2));
                if (i == 0) continue; // the very first touch of the process is the same in every setting
                first.Add(one);
                second.Add(two);
            }
            finally
            {
                NativeMemory.Free(block);
            }
        }
        Print("probe: write a freshly allocated 36 MB block", first);
        Print("probe: write the same block again", second);
    }

    private static void Stage(string name, int runs, Action action)
    {
        action(); // warm-up: library start-up and the heap's first growth are not the steady state
        var samples = new List<(double, double)>();
        for (var i = 0; i < runs; i++) samples.Add(Measure(action));
        Print(name, samples);
    }

    private static (double Ms, double Faults) Measure(Action action)
    {
        var faults = ProcessCounters.ThreadMinorFaults();
        var clock = Stopwatch.StartNew();
        action();
        var ms = clock.Elapsed.TotalMilliseconds;
        return (ms, ProcessCounters.ThreadMinorFaults() - faults);
    }

    private static void Print(string stage, List<(double Ms, double Faults)> samples) =>
        Console.WriteLine(FormattableString.Invariant(
            $"{LinePrefix}{Statistics.Median(samples.Select(s => s.Ms))}\t{Statistics.Median(samples.Select(s => s.Faults))}\t{stage}"));

    private static async Task<List<(string Stage, double Ms, double Faults)>> RunChildAsync(Setting setting, int runs, List<string> files)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(IngestMemoryBenchmark).Assembly.Location);
        foreach (var arg in new[] { ChildMode, "--heap", setting.Heap.ToString(), "--runs", runs.ToString(CultureInfo.InvariantCulture) })
            start.ArgumentList.Add(arg);
        foreach (var file in files) start.ArgumentList.Add(file);
        if (setting.Tunables is not null) start.Environment["GLIBC_TUNABLES"] = setting.Tunables;
        Console.WriteLine($"  running the stages with {setting.Label} …");
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{ChildMode} failed (exit {process.ExitCode}): {await stderr}");
        var warning = (await stderr).Trim();
        if (warning.Length > 0) Console.WriteLine($"    {warning}");
        return stdout.Split('\n').Where(l => l.StartsWith(LinePrefix, StringComparison.Ordinal)).Select(l =>
        {
            var parts = l[LinePrefix.Length..].Split('\t');
            return (parts[2].Trim(), double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture));
        }).ToList();
    }

    private static string TransparentHugePages()
    {
        const string path = "/sys/kernel/mm/transparent_hugepage/enabled";
        return File.Exists(path) ? File.ReadAllText(path).Trim() : "n/a";
    }
}
