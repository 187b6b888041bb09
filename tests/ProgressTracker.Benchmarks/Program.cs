using ProgressTracker.Benchmarks;

// Usage: dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- [ingest] [--photos N]
var photos = args.SkipWhile(a => a != "--photos").Skip(1).Select(int.Parse).DefaultIfEmpty(8).First();
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "ingest";

switch (which)
{
    case "ingest":
        await IngestBenchmark.RunAsync(photos);
        return 0;
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: ingest");
        return 2;
}
