using System.Runtime.InteropServices;

namespace ProgressTracker.Imaging.Memory;

/// <summary>How the process's C heap treats the large pixel buffers that OpenCV, libjpeg-turbo and ImageMagick allocate.</summary>
public enum NativeHeapMode
{
    /// <summary>The C library's defaults: a 12-megapixel buffer is a fresh mapping each time, faulted in page by page.</summary>
    System,

    /// <summary>Large blocks stay in the heap between photos, so the next photo reuses pages that are already resident.</summary>
    Keep,
}

/// <summary>
/// Keeps the large pixel buffers of one photo in glibc's heap for the next, instead of mapping and unmapping them.
/// </summary>
/// <remarks>
/// A 12-megapixel BGR image is 36 MB, above glibc's largest automatic mmap threshold (32 MB), so by default every
/// decode, turn or colour conversion of one maps fresh memory and takes a page fault for each of its 9,000 pages. On
/// virtual machines that hand guest memory back to the host (a balloon with free page reporting, as on the
/// Firecracker machines the benchmarks ran on) a first touch costs 105–145 ms per 36 MB, more than the arithmetic
/// done on it; on a machine where faults are cheap it is still 10–20 ms. With mmap off and the heap's top never
/// trimmed, freed buffers are reused by the next photo with no faults at all. What the heap keeps is what the busiest
/// moment needed (measured in docs/benchmarks.md); <see cref="TrimIfIdle"/> gives it back once imaging goes quiet.
/// The number of heaps is capped so that every thread that ever decoded a photo cannot keep its own.
/// docs/decisions/0034-keep-pixel-buffers-in-the-heap.md.
/// </remarks>
public static class NativeHeap
{
    // mallopt parameters, from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int MmapMax = -4;
    private const int ArenaMax = -8;

    // Effectively "never trim after a free": the idle trim below decides when memory goes back.
    private const int NeverTrim = int.MaxValue;

    private static readonly Lock Gate = new();
    private static NativeHeapMode? _applied;
    private static long _uses;
    private static long _usesAtLastTrim;

    /// <summary>The mode in effect, once <see cref="Configure"/> has run; null before.</summary>
    public static NativeHeapMode? Mode
    {
        get
        {
            lock (Gate) return _applied;
        }
    }

    /// <summary>
    /// Applies <paramref name="mode"/> once per process (later calls keep the first choice, which is process-wide).
    /// Returns what holds: <see cref="NativeHeapMode.System"/> where the C library is not glibc.
    /// </summary>
    public static NativeHeapMode Configure(NativeHeapMode mode)
    {
        lock (Gate)
        {
            if (_applied is { } applied) return applied;
            _applied = mode == NativeHeapMode.Keep && Glibc.Available && KeepLargeBlocks() ? NativeHeapMode.Keep : NativeHeapMode.System;
            return _applied.Value;
        }
    }

    /// <summary>Called by every full-size decode and render, so that the idle trim knows imaging ran since the last one.</summary>
    internal static void NoteUse() => Interlocked.Increment(ref _uses);

    /// <summary>
    /// Gives the heap's free pages back to the system if imaging has run since the last trim and not since the last
    /// call (the caller calls this on a timer; two quiet ticks in a row mean idle). Returns whether it trimmed.
    /// </summary>
    public static bool TrimIfIdle(ref long usesSeenAtLastTick)
    {
        var uses = Interlocked.Read(ref _uses);
        var quiet = uses == usesSeenAtLastTick;
        usesSeenAtLastTick = uses;
        if (!quiet || Mode != NativeHeapMode.Keep || uses == Interlocked.Read(ref _usesAtLastTrim)) return false;
        Interlocked.Exchange(ref _usesAtLastTrim, uses);
        return Glibc.Trim();
    }

    private static bool KeepLargeBlocks()
    {
        var heaps = Math.Max(2, Environment.ProcessorCount);
        return Glibc.SetOption(MmapMax, 0) && Glibc.SetOption(TrimThreshold, NeverTrim) && Glibc.SetOption(ArenaMax, heaps);
    }

    /// <summary>glibc's tuning calls. musl (Alpine) and other C libraries do not have them, which the first call finds out.</summary>
    private static class Glibc
    {
        private const string Library = "libc.so.6";

        public static bool Available { get; } = Probe();

        public static bool SetOption(int parameter, int value) => mallopt(parameter, value) == 1;

        public static bool Trim() => malloc_trim(0) == 1;

        private static bool Probe()
        {
            if (!OperatingSystem.IsLinux()) return false;
            try
            {
                return gnu_get_libc_version() != 0;
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                return false;
            }
        }

#pragma warning disable SYSLIB1054, CA5392 // Plain ints across the boundary; the C library is found by its soname.
        [DllImport(Library)]
        private static extern int mallopt(int param, int value);

        [DllImport(Library)]
        private static extern int malloc_trim(nuint pad);

        [DllImport(Library)]
        private static extern nint gnu_get_libc_version();
#pragma warning restore SYSLIB1054, CA5392
    }
}
