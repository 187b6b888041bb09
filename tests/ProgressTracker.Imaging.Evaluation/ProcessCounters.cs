using System.Globalization;

namespace ProgressTracker.Imaging.Evaluation;

/// <summary>What the kernel counts for this process and thread (Linux /proc), for tests and benchmarks that count
/// instead of timing.</summary>
public static class ProcessCounters
{
    /// <summary>Field 10 of /proc/thread-self/stat: minor page faults taken by the calling thread.</summary>
    public static long ThreadMinorFaults()
    {
        var stat = File.ReadAllText("/proc/thread-self/stat");
        return long.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[7], CultureInfo.InvariantCulture);
    }

    /// <summary>VmRSS from /proc/self/status, in megabytes.</summary>
    public static double ResidentMegabytes() =>
        File.ReadLines("/proc/self/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0)
            .Single();
}
