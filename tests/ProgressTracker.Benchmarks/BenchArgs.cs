namespace ProgressTracker.Benchmarks;

/// <summary>The benchmarks' command-line options: <c>--name N</c>.</summary>
public static class BenchArgs
{
    public static int Option(string[] args, string name, int fallback) =>
        args.SkipWhile(a => a != name).Skip(1).Select(int.Parse).DefaultIfEmpty(fallback).First();
}
