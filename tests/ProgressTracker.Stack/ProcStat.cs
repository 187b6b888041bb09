namespace ProgressTracker.Stack;

/// <summary>CPU accounting from /proc/PID/stat (clock ticks of 10 ms).</summary>
public static class ProcStat
{
    /// <summary>utime + stime, plus the CPU of children it has waited for when <paramref name="withChildren"/>.</summary>
    public static long Ticks(int pid, bool withChildren)
    {
        var fields = Fields(pid);
        if (fields is null) return 0;
        var ticks = long.Parse(fields[11]) + long.Parse(fields[12]);
        return withChildren ? ticks + long.Parse(fields[13]) + long.Parse(fields[14]) : ticks;
    }

    public static IEnumerable<int> ChildrenOf(int parent)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Fields(pid) is { } f && f[1] == parent.ToString())
                yield return pid;
    }

    /// <summary>The fields after the command name: [0] is the state, [1] the parent, [11] utime, [12] stime.</summary>
    private static string[]? Fields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException) { return null; }
        catch (UnauthorizedAccessException) { return null; }
    }
}
