using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// <c>ingest-sharp</c>: our ingest against sharp (libvips), the peer photo servers such as Immich use, and against
/// SixLabors.ImageSharp (managed, in this process; see <see cref="ImageSharpIngest"/>), on the same 12-megapixel phone
/// files in the same run. Both get the original's bytes in memory, warm up first, run one photo
/// at a time, and are timed in alternating blocks so that a change in machine load hits both alike. Reported per
/// photo as medians. Then a fresh process runs our full ingest with two photos in flight and reports its peak
/// resident set.
/// The ingest job's own work is compared too: sharp writes the same full-size master and four derivatives.
/// Usage: ingest-sharp [--runs N] [--blocks N] [--warmup N] [--no-memory]
/// </summary>
public static class SharpIngestBenchmark
{
    private const string SharpVersion = "0.35.5";

    // As ingest.mjs names them. The display job (sharp's outputs only): decode once at sharp's default thread count,
    // the same on every core, and one pipeline per output. The full job (everything our ingest writes): the same three.
    private static readonly string[] SharpDisplayVariants = ["decodeOnce", "decodeOnceAllCores", "pipelines"];
    private static readonly string[] SharpFullVariants = ["fullOnce", "fullOnceAllCores", "fullPipelines"];
    private static readonly string[] SharpVariants = [.. SharpDisplayVariants, .. SharpFullVariants];

    private sealed record Variant(string Key, string Label, Func<byte[], CancellationToken, long> Run);

    private static readonly Variant[] Ours =
    [
        new("same", "ours, same work as sharp (DCT-scaled decode)", IngestPipelines.SameWorkAsSharp),
        new("same-full", "ours, same work from a full decode", IngestPipelines.SameWorkFromFullDecode),
        new("full", "ours, full ingest incl. full-size master", IngestPipelines.FullIngest),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var runs = Option(args, "--runs", 3);
        var blocks = Option(args, "--blocks", 3);
        var warmup = Option(args, "--warmup", 2);

        // Ours runs as the app runs it: large pixel buffers kept in the C heap between photos.
        var heap = ProgressTracker.Imaging.Memory.NativeHeap.Configure(ProgressTracker.Imaging.Memory.NativeHeapMode.Keep);
        Console.WriteLine("Ingest pipeline vs sharp");
        Console.WriteLine($"  machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, " +
                          $".NET {Environment.Version}, {Machine.Describe()}; ours with the C heap in mode {heap}");
        Console.WriteLine("  making the photo set (cached between runs) …");
        var (files, heicProblem) = PhoneCameraFiles.Build();
        foreach (var file in files)
            Console.WriteLine($"    {file.Name,-28} {new FileInfo(file.Path).Length / 1024.0 / 1024:0.00} MB  {file.Description}");
        if (heicProblem is not null) Console.WriteLine($"  HEIC: not measured — {heicProblem}");

        var sharpDir = LocateSharpFolder();
        var sharpProblem = await PrepareSharpAsync(sharpDir);
        if (sharpProblem is not null) Console.WriteLine($"  sharp: not measured — {sharpProblem}");

        var originals = files.ToDictionary(f => f.Name, f => File.ReadAllBytes(f.Path));
        var ours = Ours.ToDictionary(v => v.Key, _ => files.ToDictionary(f => f.Name, _ => new List<double>()));
        var sharp = SharpVariants.ToDictionary(v => v, _ => files.ToDictionary(f => f.Name, _ => new List<double>()));
        var sharpErrors = new Dictionary<string, string>();
        var imageSharp = files.ToDictionary(f => f.Name, _ => new List<double>());
        var imageSharpErrors = new Dictionary<string, string>();
        SharpInfo? info = null;

        Console.WriteLine($"  timing: {blocks} alternating blocks × {runs} runs per file and variant, warm-up {warmup} runs each …");
        for (var block = 0; block < blocks; block++)
        {
            foreach (var file in files)
            foreach (var variant in Ours)
            {
                var original = originals[file.Name];
                for (var i = 0; i < (block == 0 ? warmup : 1); i++) variant.Run(original, CancellationToken.None);
                for (var i = 0; i < runs; i++)
                {
                    var clock = Stopwatch.StartNew();
                    variant.Run(original, CancellationToken.None);
                    ours[variant.Key][file.Name].Add(clock.Elapsed.TotalMilliseconds);
                }
            }

            foreach (var file in files.Where(f => !imageSharpErrors.ContainsKey(f.Name)))
            {
                var error = TimeImageSharp(originals[file.Name], block == 0 ? warmup : 1, runs, imageSharp[file.Name]);
                if (error is not null) imageSharpErrors[file.Name] = error;
            }

            if (sharpProblem is null)
            {
                var result = await RunSharpAsync(sharpDir, files, block == 0 ? warmup : 1, runs);
                info ??= result.Info;
                foreach (var (name, variant, ms) in result.Timings) sharp[variant][name].AddRange(ms);
                foreach (var (name, error) in result.Errors) sharpErrors[name] = error;
            }
            Console.WriteLine($"    block {block + 1}/{blocks} done (load average {Machine.LoadAverage()})");
        }

        Console.WriteLine();
        if (info is not null)
            Console.WriteLine($"  peer: sharp {info.Sharp} (libvips {info.Libvips}) on Node {info.Node}; sharp.concurrency defaults to {info.Concurrency} here, also run with {info.Cores}");
        PrintPerFile(files, ours, sharp, sharpErrors, imageSharp, imageSharpErrors);
        PrintSummary(files, ours, sharp, sharpErrors, heicProblem, imageSharp, imageSharpErrors);

        if (args.Contains("--no-memory")) return 0;
        Console.WriteLine();
        Console.WriteLine("  Peak memory of ours (fresh process, full ingest of every file twice, photos in flight as shown; CPU ms per photo");
        Console.WriteLine("  does not depend on other load, photos/s does):");
        foreach (var (heapMode, parallel, oneThread) in new[] { ("Keep", 1, false), ("Keep", 2, false), ("Keep", 2, true), ("System", 1, false), ("System", 2, false) })
        {
            var line = await RunWorkerAsync(files, parallel, heapMode, oneThread);
            var label = $"{parallel} in flight, heap {(heapMode == "Keep" ? "Keep (the app)" : "System (glibc's)")}{(oneThread ? ", 1 thread/photo" : "")}";
            if (line is null)
            {
                Console.WriteLine($"    {label}: worker failed");
                continue;
            }
            var hwm = long.Parse(Field(line, "vmhwm_kb"), CultureInfo.InvariantCulture) / 1024.0;
            var idle = long.Parse(Field(line, "vmrss_kb"), CultureInfo.InvariantCulture) / 1024.0;
            var photos = int.Parse(Field(line, "photos"), CultureInfo.InvariantCulture);
            var seconds = double.Parse(Field(line, "seconds"), CultureInfo.InvariantCulture);
            var cpu = double.Parse(Field(line, "cpu_seconds"), CultureInfo.InvariantCulture);
            var target = parallel == 2 && heapMode == "Keep" && !oneThread ? $"   (target ≤ 400 MB: {(hwm <= 400 ? "met" : "NOT met")})" : "";
            Console.WriteLine($"    {label,-44} peak RSS (VmHWM) {hwm,5:0} MB, after {idle,5:0} MB   {photos / seconds,5:0.00} photos/s   CPU {cpu * 1000 / photos,4:0} ms/photo{target}");
        }
        Console.WriteLine("    (after: the resident set once the last photo is done, before any idle trim)");
        Console.WriteLine($"  load average at end {Machine.LoadAverage()}");
        return 0;
    }

    /// <summary>Warm-up, then <paramref name="runs"/> timed runs; the exception's message if ImageSharp cannot process the file.</summary>
    private static string? TimeImageSharp(byte[] original, int warmup, int runs, List<double> into)
    {
        try
        {
            for (var i = 0; i < warmup; i++) ImageSharpIngest.SameWorkAsSharp(original);
            for (var i = 0; i < runs; i++)
            {
                var clock = Stopwatch.StartNew();
                ImageSharpIngest.SameWorkAsSharp(original);
                into.Add(clock.Elapsed.TotalMilliseconds);
            }
            return null;
        }
        catch (SixLabors.ImageSharp.UnknownImageFormatException e)
        {
            return e.Message;
        }
    }

    private static void PrintPerFile(List<BenchFile> files, Dictionary<string, Dictionary<string, List<double>>> ours,
        Dictionary<string, Dictionary<string, List<double>>> sharp, Dictionary<string, string> sharpErrors,
        Dictionary<string, List<double>> imageSharp, Dictionary<string, string> imageSharpErrors)
    {
        Console.WriteLine();
        Console.WriteLine($"  {"median ms per photo",-28} {"ours:",6} {"same",7} {"same/full",10} {"full",8}   {"sharp:",6} {"1×",7} {"1×,2 thr",9} {"3×",7} {"full 1×",8} {"2 thr",7} {"5×",7}   {"ImageSharp",10}");
        foreach (var file in files)
        {
            string Sharp(string variant) => sharpErrors.ContainsKey(file.Name) ? "n/a" : Format(Median(sharp[variant][file.Name]));
            Console.WriteLine($"  {file.Name,-28} {"",6} {Format(Median(ours["same"][file.Name])),7} {Format(Median(ours["same-full"][file.Name])),10} " +
                              $"{Format(Median(ours["full"][file.Name])),8}   {"",6} {Sharp("decodeOnce"),7} {Sharp("decodeOnceAllCores"),9} {Sharp("pipelines"),7} " +
                              $"{Sharp("fullOnce"),8} {Sharp("fullOnceAllCores"),7} {Sharp("fullPipelines"),7}   " +
                              $"{(imageSharpErrors.ContainsKey(file.Name) ? "n/a" : Format(Median(imageSharp[file.Name]))),10}");
        }
        Console.WriteLine("  ours same: the peer's outputs, DCT-scaled decode; same/full: the same from a full decode; full: master and every derivative.");
        Console.WriteLine("  sharp 1×: decode once to 1280 px and make every output from those pixels (as Immich does), default threads;");
        Console.WriteLine("  1×,2 thr: the same with sharp.concurrency = cores; 3×: one pipeline per output.");
        Console.WriteLine("  sharp full: our full work (master q92 + 1280 and 320 px JPEG and WebP); decoded once at full size (default");
        Console.WriteLine("  threads, then all cores), or 5×: one pipeline per output.");
        Console.WriteLine($"  ImageSharp {ImageSharpIngest.Version}: the same outputs, full decode (it has no DCT scaling), no ICC conversion.");
        if (imageSharpErrors.Count > 0) Console.WriteLine($"  ImageSharp could not process {string.Join(", ", imageSharpErrors.Keys)} (no HEIC decoder).");
        foreach (var (name, error) in sharpErrors) Console.WriteLine($"  sharp could not process {name}: {error}");
        if (sharpErrors.Count > 0)
            Console.WriteLine("  (sharp's prebuilt libvips reads AVIF but has no HEVC decoder, so it cannot open HEIC photos at all.)");
    }

    private static void PrintSummary(List<BenchFile> files, Dictionary<string, Dictionary<string, List<double>>> ours,
        Dictionary<string, Dictionary<string, List<double>>> sharp, Dictionary<string, string> sharpErrors, string? heicProblem,
        Dictionary<string, List<double>> imageSharp, Dictionary<string, string> imageSharpErrors)
    {
        Console.WriteLine();
        foreach (var kind in new[] { "jpeg", "heic" })
        {
            var set = files.Where(f => f.Kind == kind).ToList();
            if (set.Count == 0)
            {
                Console.WriteLine($"  {kind.ToUpperInvariant()}: not measured{(kind == "heic" && heicProblem is not null ? $" ({heicProblem})" : "")}");
                continue;
            }
            // The set's figure: the median over all runs of all its files (every photo weighs the same).
            double All(Dictionary<string, List<double>> timings) => Median(set.SelectMany(f => timings[f.Name]).ToList());
            var same = All(ours["same"]);
            var sameFull = All(ours["same-full"]);
            var full = All(ours["full"]);
            var sharpOk = set.All(f => !sharpErrors.ContainsKey(f.Name) && sharp["decodeOnce"][f.Name].Count > 0);
            var peer = sharpOk ? SharpDisplayVariants.Min(v => All(sharp[v])) : double.NaN;
            var fullPeer = sharpOk ? SharpFullVariants.Min(v => All(sharp[v])) : double.NaN;

            Console.WriteLine($"  {kind.ToUpperInvariant()} ({set.Count} photos), median ms per photo:");
            Console.WriteLine($"    {Ours[0].Label,-50} {same,8:0.0} ms");
            Console.WriteLine($"    {Ours[1].Label,-50} {sameFull,8:0.0} ms");
            Console.WriteLine($"    {Ours[2].Label,-50} {full,8:0.0} ms");
            if (sharpOk)
            {
                Console.WriteLine($"    {"sharp " + SharpVersion + ", fastest of its three ways",-50} {peer,8:0.0} ms");
                Console.WriteLine($"    ratio ours/sharp, same work                        {same / peer,8:0.00}   (target ≤ 1.0: {(same / peer <= 1.0 ? "met" : "NOT met")})");
                Console.WriteLine($"    ratio ours/sharp, same work from a full decode     {sameFull / peer,8:0.00}");
                Console.WriteLine($"    {"sharp " + SharpVersion + ", full work, fastest of its three ways",-50} {fullPeer,8:0.0} ms");
                Console.WriteLine($"    ratio ours/sharp, full work (master + 4 files)     {full / fullPeer,8:0.00}   (target ≤ 1.0: {(full / fullPeer <= 1.0 ? "met" : "NOT met")})");
            }
            else
            {
                var why = set.Select(f => sharpErrors.GetValueOrDefault(f.Name)).FirstOrDefault(e => e is not null) ?? "not run";
                Console.WriteLine($"    sharp: n/a — {why}");
                Console.WriteLine("    ratio ours/sharp: n/a (the peer cannot process these files)");
            }
            if (set.All(f => !imageSharpErrors.ContainsKey(f.Name) && imageSharp[f.Name].Count > 0))
            {
                var managed = All(imageSharp);
                Console.WriteLine($"    {"ImageSharp " + ImageSharpIngest.Version + ", same work (full decode)",-50} {managed,8:0.0} ms");
                Console.WriteLine($"    ratio ImageSharp/ours, same work                   {managed / same,8:0.00}");
                if (sharpOk) Console.WriteLine($"    ratio ImageSharp/sharp, same work                  {managed / peer,8:0.00}");
            }
            else
            {
                Console.WriteLine("    ImageSharp: n/a — it has no decoder for these files");
            }
            if (kind == "heic")
            {
                // Phones write 512×512 tile grids, which libheif decodes on several threads; heif-enc writes one frame.
                foreach (var (label, grid) in new[] { ("512×512 tile grid, as iPhones write it", true), ("one HEVC frame (heif-enc's layout)", false) })
                {
                    var layout = set.Where(f => f.Name.Contains("grid", StringComparison.Ordinal) == grid).ToList();
                    if (layout.Count == 0) continue;
                    var ms = Median(layout.SelectMany(f => ours["full"][f.Name]).ToList());
                    Console.WriteLine($"    full ingest, {label + $" ({layout.Count})",-46} {ms,8:0.0} ms   (target ≤ 700 ms: {(ms <= 700 ? "met" : "NOT met")})");
                }
            }
        }
    }

    // ---- sharp ----

    private sealed record SharpInfo(string Sharp, string Libvips, string Node, int Concurrency, int Cores);

    private sealed record SharpResult(SharpInfo Info, List<(string Name, string Variant, List<double> Ms)> Timings, List<(string Name, string Error)> Errors);

    private static async Task<string?> PrepareSharpAsync(string dir)
    {
        if (PhoneCameraFiles.FindOnPath("node") is null) return "node is not installed";
        if (Directory.Exists(Path.Combine(dir, "node_modules", "sharp"))) return null;
        Console.WriteLine($"  installing sharp {SharpVersion} with npm ci in {dir} …");
        var (code, _, stderr) = await RunAsync("npm", ["ci", "--no-audit", "--no-fund"], dir, TimeSpan.FromMinutes(5));
        return code == 0 ? null : $"npm ci failed (exit {code}): {stderr.Trim()}";
    }

    private static async Task<SharpResult> RunSharpAsync(string dir, List<BenchFile> files, int warmup, int runs)
    {
        var args = new List<string> { "ingest.mjs", "--warmup", warmup.ToString(CultureInfo.InvariantCulture), "--runs", runs.ToString(CultureInfo.InvariantCulture) };
        args.AddRange(files.Select(f => f.Path));
        var (code, stdout, stderr) = await RunAsync("node", args, dir, TimeSpan.FromMinutes(10));
        if (code != 0) throw new InvalidOperationException($"node ingest.mjs failed (exit {code}): {stderr}");

        using var json = JsonDocument.Parse(stdout.Trim().Split('\n').Last());
        var root = json.RootElement;
        var info = new SharpInfo(root.GetProperty("sharp").GetString()!, root.GetProperty("libvips").GetString()!,
            root.GetProperty("node").GetString()!, root.GetProperty("concurrency").GetInt32(), root.GetProperty("cores").GetInt32());
        var timings = new List<(string, string, List<double>)>();
        var errors = new List<(string, string)>();
        foreach (var entry in root.GetProperty("files").EnumerateArray())
        {
            var name = entry.GetProperty("file").GetString()!;
            if (entry.TryGetProperty("error", out var error))
            {
                errors.Add((name, error.GetString()!));
                continue;
            }
            foreach (var variant in SharpVariants)
                timings.Add((name, variant, entry.GetProperty(variant).GetProperty("ms").EnumerateArray().Select(e => e.GetDouble()).ToList()));
        }
        return new SharpResult(info, timings, errors);
    }

    /// <summary>The sharp/ folder next to this project's sources, found from the working directory or the binary.</summary>
    private static string LocateSharpFolder()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                foreach (var candidate in new[] { Path.Combine(dir.FullName, "sharp"), Path.Combine(dir.FullName, "tests", "ProgressTracker.Benchmarks", "sharp") })
                {
                    if (File.Exists(Path.Combine(candidate, "ingest.mjs"))) return candidate;
                }
            }
        }
        throw new DirectoryNotFoundException("tests/ProgressTracker.Benchmarks/sharp (with ingest.mjs) was not found; run from the repository.");
    }

    // ---- worker ----

    private static async Task<string?> RunWorkerAsync(List<BenchFile> files, int parallel, string heapMode, bool oneThread)
    {
        var self = Environment.ProcessPath!;
        var args = new List<string>();
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") args.Add(typeof(IngestWorker).Assembly.Location);
        args.AddRange(["ingest-worker", "--parallel", parallel.ToString(CultureInfo.InvariantCulture), "--passes", "2", "--heap", heapMode]);
        if (oneThread) args.Add("--one-thread");
        args.AddRange(files.Select(f => f.Path));
        var (code, stdout, stderr) = await RunAsync(self, args, Directory.GetCurrentDirectory(), TimeSpan.FromMinutes(10));
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith(IngestWorker.ResultPrefix, StringComparison.Ordinal));
        if (code != 0 || line is null) Console.Error.WriteLine($"ingest-worker failed (exit {code}): {stderr}");
        return line;
    }

    private static string Field(string line, string name) =>
        line.Split(' ').First(p => p.StartsWith(name + "=", StringComparison.Ordinal))[(name.Length + 1)..];

    // ---- helpers ----

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string file, IEnumerable<string> args, string dir, TimeSpan limit)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = dir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {limit}.");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length && int.TryParse(args[at + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }

    private static double Median(List<double> values) => Statistics.Median(values);

    private static string Format(double ms) => double.IsNaN(ms) ? "n/a" : ms.ToString("0.0", CultureInfo.InvariantCulture);
}
