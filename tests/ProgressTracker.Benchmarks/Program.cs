using ProgressTracker.Benchmarks;

// Usage: dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- [ingest] [--photos N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- ingest-sharp [--runs N] [--blocks N] [--warmup N] [--no-memory]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- ingest-stages [--runs N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- ingest-memory [--runs N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- align [--pairs N] [--mismatches N] [--real a.jpg,b.png]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- timeline [--warmup N] [--requests N] [--other-patients N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- audit [--warmup N] [--requests N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- sign-in [--warmup N] [--requests N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- hip-contour [--shapes N] [--cameras N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- scale-out [--patients N] [--visits N] [--workers 1,2,3] [--pin]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- upload-load [--clients N] [--seconds N]
//        dotnet run -c Release --project tests/ProgressTracker.Benchmarks -- job-storage [--jobs N] [--probes N] [--photos N] [--poll-ms N]
var photos = args.SkipWhile(a => a != "--photos").Skip(1).Select(int.Parse).DefaultIfEmpty(8).First();
var which = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal) && !int.TryParse(a, out _)) ?? "ingest";

switch (which)
{
    case "ingest":
        await IngestBenchmark.RunAsync(photos);
        return 0;
    case "ingest-sharp":
        return await SharpIngestBenchmark.RunAsync(args);
    case "ingest-stages":
        return IngestStagesBenchmark.Run(args);
    case "ingest-memory":
        return await IngestMemoryBenchmark.RunAsync(args);
    case "ingest-memory-child": // started by ingest-memory, one process per heap setting; not for direct use
        return IngestMemoryBenchmark.RunChild(args);
    case "ingest-worker": // started by ingest-sharp in a child process to measure peak memory; not for direct use
        return IngestWorker.Run(args);
    case "align": return AlignmentBenchmark.Run(args);
    case "timeline": return await TimelineBenchmark.RunAsync(args);
    case "audit": return await AuditBenchmark.RunAsync(args);
    case "sign-in": return await SignInBenchmark.RunAsync(args);
    case "hip-contour": return HipContourBenchmark.Run(args);
    case "scale-out": return await ScaleOutBenchmark.RunAsync(args);
    case "upload-load": return await UploadLoadBenchmark.RunAsync(args);
    case "job-storage": return await JobStorageBenchmark.RunAsync(args);
    default:
        Console.Error.WriteLine($"Unknown benchmark '{which}'. Available: ingest, ingest-sharp, ingest-stages, ingest-memory, align, timeline, audit, sign-in, hip-contour, scale-out, upload-load, job-storage");
        return 2;
}
