namespace ProgressTracker.Benchmarks;

/// <summary>What a figure was measured on, so figures from different machines are not mixed up.</summary>
public static class Machine
{
    public static string Describe()
    {
        var model = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name"))?.Split(':', 2)[1].Trim()
            : null;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
        return $"{model ?? "unknown CPU"}, load average {load}";
    }
}
