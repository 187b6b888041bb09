namespace ProgressTracker.Benchmarks;

/// <summary>What a figure was measured on, so figures from different machines are not mixed up.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        return $"{model ?? "unknown CPU"}, load average {LoadAverage()}";
    }

    /// <summary>The 1, 5 and 15 minute load averages: how busy the machine was while a figure was taken.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
