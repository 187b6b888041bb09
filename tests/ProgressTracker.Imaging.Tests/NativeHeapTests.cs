using System.Runtime.InteropServices;
using ProgressTracker.Imaging.Evaluation;
using ProgressTracker.Imaging.Memory;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// The heap keeps a photo's large buffers for the next one (no page faults when one is reused), and gives them back
/// when imaging is idle. Page faults and the resident set are counted, not timed, so the figures do not depend on load.
/// Alone, because the resident-set test must not see other tests' memory come and go.
/// </summary>
[Collection(nameof(RunsAlone))]
public sealed class NativeHeapTests
{
    private const int TwelveMegapixelBgr = 4032 * 3024 * 3;

    [Fact]
    public void A_freed_twelve_megapixel_buffer_is_reused_without_page_faults()
    {
        Assert.Equal(NativeHeapMode.Keep, NativeHeap.Configure(NativeHeapMode.Keep));
        var pixels = new byte[TwelveMegapixelBgr];
        Array.Fill(pixels, (byte)7);
        CopyIntoFreshBlock(pixels); // the heap grows once

        var faults = ProcessCounters.ThreadMinorFaults();
        CopyIntoFreshBlock(pixels);
        faults = ProcessCounters.ThreadMinorFaults() - faults;

        // With glibc's defaults the block is a fresh mapping every time: about 8,900 faults, one per 4 KiB page.
        Assert.True(faults < 200, $"writing a reallocated 36 MB block took {faults} page faults; the heap did not keep it");
    }

    [Fact]
    public void Idle_imaging_gives_the_kept_memory_back_once_and_only_after_a_quiet_tick()
    {
        Assert.Equal(NativeHeapMode.Keep, NativeHeap.Configure(NativeHeapMode.Keep));
        long seen = 0;
        NativeHeap.TrimIfIdle(ref seen); // settle whatever earlier tests left behind
        NativeHeap.TrimIfIdle(ref seen);

        // Six photo-sized blocks (240 MB) written and freed stay resident while imaging is busy.
        var blocks = Enumerable.Range(0, 6).Select(_ => Marshal.AllocHGlobal(40 * 1024 * 1024)).ToList();
        var chunk = new byte[1024 * 1024];
        Array.Fill(chunk, (byte)3);
        foreach (var block in blocks)
        {
            for (var offset = 0; offset < 40; offset++) Marshal.Copy(chunk, 0, block + offset * chunk.Length, chunk.Length);
        }
        blocks.ForEach(Marshal.FreeHGlobal);
        var afterFree = ProcessCounters.ResidentMegabytes();

        NativeHeap.NoteUse();
        Assert.False(NativeHeap.TrimIfIdle(ref seen), "trimmed on the tick that saw imaging run");
        Assert.True(ProcessCounters.ResidentMegabytes() > afterFree - 50, "the freed block left the resident set before any trim");

        Assert.True(NativeHeap.TrimIfIdle(ref seen), "a quiet tick after imaging ran did not trim");
        var afterTrim = ProcessCounters.ResidentMegabytes();
        // glibc returns every free block inside a heap; the free space at the top of a thread's heap (at most one
        // 64 MB heap's worth) stays, so at least half of the 240 MB must go.
        Assert.True(afterFree - afterTrim >= 120, $"resident {afterFree:0} MB before the trim and {afterTrim:0} MB after");
        Assert.False(NativeHeap.TrimIfIdle(ref seen), "trimmed again with no imaging in between");
    }

    private static void CopyIntoFreshBlock(byte[] pixels)
    {
        var block = Marshal.AllocHGlobal(pixels.Length);
        try
        {
            Marshal.Copy(pixels, 0, block, pixels.Length);
        }
        finally
        {
            Marshal.FreeHGlobal(block);
        }
    }
}
