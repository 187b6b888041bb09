using System.Diagnostics;
using ProgressTracker.Imaging.Tests.Support;
using Xunit.Abstractions;

namespace ProgressTracker.Imaging.Tests;

/// <summary>
/// Hundreds of damaged and hostile files made from valid samples. Each must end as exactly one of: refused at
/// upload with a readable reason, decoded into a sound picture, or a <see cref="PhotoDecodeException"/> with a
/// readable reason — never another exception, never over the per-file time limit, and with memory bounded.
/// A failure lists every offending mutant with the recipe that rebuilds it.
/// </summary>
/// <remarks>
/// Runs on its own, after the parallel tests: it keeps both cores busy (which would upset timing tests running
/// alongside) and measures this process's memory per file (which other tests would distort).
/// </remarks>
[Collection(nameof(RunsAlone))]
public class RobustnessTests(ITestOutputHelper output)
{
    private static readonly ImageLimits Limits = new();
    private static readonly TimeSpan TimeLimit = TimeSpan.FromSeconds(10);

    /// <summary>What the process may hold once the files are done and garbage is collected.</summary>
    private const long WorkingSetCeiling = 1536L << 20;  // 1.5 GB
    private const long ManagedHeapCeiling = 256L << 20;

    /// <summary>
    /// The pixel limit is what bounds memory while one file is decoded: no file, whatever its header says, may
    /// make resident memory grow by more than this many bytes per pixel the limit allows (2 GB at 100 megapixels).
    /// </summary>
    private const long BytesPerAllowedPixel = 20;

    internal static List<Mutant> SmallMutants()
    {
        var samples = PhotoSamples.Small;
        var mutants = samples.SelectMany((s, i) => Mutator.For(s, seed: 1000 + i)).ToList();
        mutants.AddRange(Mutator.Polyglots(Sample("jpeg-exif-thumbnail"), Sample("png-rgb"), Sample("webp-lossy")));
        return mutants;

        static Sample Sample(string name) => PhotoSamples.Small.Single(s => s.Name == name);
    }

    [Fact]
    public void Every_mutant_ends_rejected_ready_or_failed_readably_within_the_time_limit()
    {
        var verdicts = RunAll(SmallMutants(), out var total, out var peak);

        AssertAcceptable(verdicts, total, peak, expectEveryOutcome: true);
        AssertProcessHealthy(peak);
    }

    [Fact]
    public void Full_size_mutants_end_acceptably_too()
    {
        var sample = PhotoSamples.FullSizeJpeg();
        var mutants = Mutator.ForFullSize(sample, seed: 77);
        mutants.Insert(0, new Mutant(sample.Name, "control", "the valid file itself", sample.Bytes));

        var verdicts = RunAll(mutants, out var total, out var peak);

        AssertAcceptable(verdicts, total, peak, expectEveryOutcome: false);
        Assert.Equal(Outcome.Ready, verdicts[0].Outcome);
        AssertProcessHealthy(peak);
    }

    [Fact]
    public void Heic_mutants_end_acceptably_too()
    {
        // A phone-like HEIC: rotation in 'irot' and repeated in EXIF (needs heif-enc; fails, not skips, without it).
        var heic = HeicTests.RotatedHeic(orientation: 6, irotQuarterTurns: 3, exifToo: true);
        var sample = new Sample("heic-irot-exif", ImageFormatKind.Heic, 80, 120, heic);
        var mutants = Mutator.For(sample, seed: 4242);

        var verdicts = RunAll(mutants, out var total, out var peak);

        AssertAcceptable(verdicts, total, peak, expectEveryOutcome: true);
        AssertProcessHealthy(peak);
    }

    [Fact]
    public void Mutant_set_is_large_deterministic_and_covers_every_format_and_kind()
    {
        var mutants = SmallMutants();

        Assert.True(mutants.Count >= 500, $"only {mutants.Count} mutants");
        foreach (var format in Enum.GetValues<ImageFormatKind>().Except([ImageFormatKind.Heic]))
            Assert.Contains(PhotoSamples.Small, s => s.Format == format);
        foreach (var sample in PhotoSamples.Small)
        {
            var own = mutants.Where(m => m.Sample == sample.Name).ToList();
            Assert.True(own.Count >= 50, $"{sample.Name}: only {own.Count} mutants");
            foreach (var kind in new[]
            {
                Mutator.Truncation, Mutator.HeaderBitFlip, Mutator.BodyBitFlip, Mutator.Burst, Mutator.Zeroed, Mutator.Splice,
                Mutator.ForgedDimensions, Mutator.ForgedField, Mutator.Structure,
            })
            {
                Assert.True(own.Any(m => m.Kind == kind), $"{sample.Name} has no '{kind}' mutant");
            }
            Assert.All(own, m => Assert.False(m.Bytes.AsSpan().SequenceEqual(sample.Bytes), $"not a mutation: {m}"));
        }
        Assert.True(mutants.Count(m => m.Kind == Mutator.Polyglot) >= 20);

        // Same code, same bytes: rebuilt samples and their mutants are identical, so a recipe always rebuilds its file.
        var fresh = PhotoSamples.BuildSmall();
        foreach (var (first, second) in PhotoSamples.Small.Zip(fresh))
            Assert.True(first.Bytes.AsSpan().SequenceEqual(second.Bytes), $"sample {first.Name} came out different when built again");
        var again = fresh.SelectMany((s, i) => Mutator.For(s, seed: 1000 + i)).ToList();
        var before = mutants.Where(m => m.Kind != Mutator.Polyglot).ToList();
        Assert.Equal(before.Count, again.Count);
        foreach (var (first, second) in before.Zip(again))
            Assert.True(first.ToString() == second.ToString() && first.Bytes.AsSpan().SequenceEqual(second.Bytes), $"{first} came out as {second}");
    }

    private List<Verdict> RunAll(IReadOnlyList<Mutant> mutants, out TimeSpan total, out long peakResident)
    {
        var clock = Stopwatch.StartNew();
        var verdicts = new List<Verdict>(mutants.Count);
        peakResident = ResidentMemory.Current();
        foreach (var mutant in mutants)
        {
            verdicts.Add(RobustnessHarness.Run(mutant, Limits, TimeLimit));
            peakResident = Math.Max(peakResident, ResidentMemory.Peak());
        }
        total = clock.Elapsed;
        output.WriteLine(RobustnessHarness.Summary(verdicts, total, peakResident));
        return verdicts;
    }

    private void AssertAcceptable(List<Verdict> verdicts, TimeSpan total, long peak, bool expectEveryOutcome)
    {
        var bad = verdicts.Where(v => !v.Acceptable).ToList();
        foreach (var v in bad) output.WriteLine($"NOT ACCEPTABLE: {v}");
        Assert.True(bad.Count == 0,
            $"{bad.Count} of {verdicts.Count} mutants ended badly:\n" + string.Join('\n', bad.Take(25).Select(v => v.ToString())));

        if (expectEveryOutcome)
        {
            // Guards the harness itself: a run where everything is (say) rejected at upload tests nothing.
            foreach (var outcome in new[] { Outcome.Rejected, Outcome.Ready, Outcome.Failed })
                Assert.True(verdicts.Any(v => v.Outcome == outcome), $"no mutant ended {outcome}; the mutants are not reaching every path");
        }
        var budget = BytesPerAllowedPixel * Limits.MaxPixels;
        var hungry = verdicts.Where(v => v.PeakGrowth > budget).ToList();
        Assert.True(hungry.Count == 0,
            $"{hungry.Count} mutants grew resident memory by more than {budget >> 20} MB (peak {peak >> 20} MB):\n" +
            string.Join('\n', hungry.Select(v => v.ToString())));
        output.WriteLine($"total {total.TotalSeconds:F1} s");
    }

    /// <summary>Memory comes back down, and the library still decodes a valid photo correctly afterwards.</summary>
    private void AssertProcessHealthy(long peak)
    {
        // An aggressive collection also hands freed heap regions back to the system; without it the GC keeps
        // them for reuse and the working set shows memory that is free, not held.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        var managed = GC.GetTotalMemory(forceFullCollection: false);
        var workingSet = Environment.WorkingSet;
        output.WriteLine($"after the run: managed heap {managed >> 20} MB, working set {workingSet >> 20} MB (peak resident {peak >> 20} MB)");
        Assert.True(managed < ManagedHeapCeiling, $"managed heap still {managed >> 20} MB after collection");
        Assert.True(workingSet < WorkingSetCeiling, $"working set still {workingSet >> 20} MB");

        var jpeg = PhotoSamples.Small.Single(s => s.Name == "jpeg-exif-thumbnail");
        var pristine = jpeg.Bytes.ToArray();
        using var photo = PhotoNormalizer.Normalize(jpeg.Bytes, Limits);
        Assert.True(pristine.AsSpan().SequenceEqual(jpeg.Bytes), "decoding altered the caller's bytes");
        // EXIF orientation 6: the stored 384 × 256 comes out 256 × 384.
        Assert.Equal((jpeg.Height, jpeg.Width), (photo.Width, photo.Height));
        Assert.Equal(new DateTimeOffset(2024, 3, 5, 14, 22, 10, TimeSpan.FromHours(2)), photo.CapturedAt);
    }
}

/// <summary>Test classes in this collection run one at a time and never alongside any other test.</summary>
[CollectionDefinition(nameof(RunsAlone), DisableParallelization = true)]
public sealed class RunsAlone;
