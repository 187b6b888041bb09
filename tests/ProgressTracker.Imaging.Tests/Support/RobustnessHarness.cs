using System.Diagnostics;
using System.Text;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>How one mutant ended. Only the first three are acceptable.</summary>
internal enum Outcome
{
    /// <summary>Refused at upload with a readable reason.</summary>
    Rejected,

    /// <summary>Normalised into a sound picture.</summary>
    Ready,

    /// <summary>Accepted at upload, then failed to decode with a readable <see cref="PhotoDecodeException"/>.</summary>
    Failed,

    /// <summary>Any exception other than <see cref="PhotoDecodeException"/> escaped.</summary>
    WrongException,

    /// <summary>Over the per-file time limit (cancelled, or still running when the watchdog gave up).</summary>
    TooSlow,

    /// <summary>An acceptable path, but the result is not sound: no readable reason, or an unusable picture.</summary>
    Unsound,
}

/// <param name="PeakGrowth">How far the process's resident memory rose above its level before this file, at peak.</param>
internal sealed record Verdict(Mutant Mutant, Outcome Outcome, string Detail, TimeSpan Elapsed, long PeakGrowth = 0)
{
    public bool Acceptable => Outcome is Outcome.Rejected or Outcome.Ready or Outcome.Failed;

    public override string ToString() =>
        $"{Outcome} after {Elapsed.TotalMilliseconds:F0} ms, +{PeakGrowth >> 20} MB — {Mutant} — {Detail}";
}

/// <summary>
/// Runs a file the way the app does: the upload checks, then (if accepted) the background decode with a
/// cancellation token that fires at the per-file time limit. A watchdog thread also catches a decoder that
/// never returns to check the token.
/// </summary>
internal static class RobustnessHarness
{
    private static readonly TimeSpan WatchdogGrace = TimeSpan.FromSeconds(5);

    /// <summary>Runs one file and records its time and the peak growth of resident memory it caused.</summary>
    public static Verdict Run(Mutant mutant, ImageLimits limits, TimeSpan timeLimit)
    {
        var before = ResidentMemory.Current();
        ResidentMemory.ResetPeak();
        var verdict = RunTimed(mutant, limits, timeLimit);
        return verdict with { PeakGrowth = Math.Max(0, ResidentMemory.Peak() - before) };
    }

    private static Verdict RunTimed(Mutant mutant, ImageLimits limits, TimeSpan timeLimit)
    {
        var pristine = mutant.Bytes.ToArray();
        var clock = Stopwatch.StartNew();
        using var cancel = new CancellationTokenSource(timeLimit);
        var work = Task.Factory.StartNew(() => Attempt(mutant.Bytes, limits, cancel.Token),
            CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        if (!work.Wait(timeLimit + WatchdogGrace))
            return new(mutant, Outcome.TooSlow, $"no result after {clock.Elapsed.TotalSeconds:F1} s; the decode is still running", clock.Elapsed);

        clock.Stop();
        var (outcome, detail) = work.Result;
        if (!mutant.Bytes.AsSpan().SequenceEqual(pristine))
            return new(mutant, Outcome.Unsound, $"the caller's bytes were altered (the original must be kept byte for byte); ended {outcome}: {detail}", clock.Elapsed);
        if (outcome != Outcome.TooSlow && clock.Elapsed > timeLimit)
            return new(mutant, Outcome.TooSlow, $"ended as {outcome} ({detail}) but only after {clock.Elapsed.TotalSeconds:F1} s", clock.Elapsed);
        return new(mutant, outcome, detail, clock.Elapsed);
    }

    private static (Outcome, string) Attempt(byte[] bytes, ImageLimits limits, CancellationToken ct)
    {
        try
        {
            InspectionResult inspection;
            using (var upload = new MemoryStream(bytes, writable: false)) inspection = UploadInspector.Inspect(upload, limits);
            if (!inspection.Accepted)
            {
                return IsReadable(inspection.RejectionReason)
                    ? (Outcome.Rejected, inspection.RejectionReason!)
                    : (Outcome.Unsound, $"rejected without a readable reason: \"{inspection.RejectionReason}\"");
            }

            using var photo = PhotoNormalizer.Normalize(bytes, limits, ct);
            var problem = PictureProblem(photo, limits) ?? SizeProblem(photo, inspection);
            return problem is null
                ? (Outcome.Ready, $"{photo.Width}×{photo.Height} (header said {inspection.Width}×{inspection.Height})")
                : (Outcome.Unsound, problem);
        }
        catch (PhotoDecodeException e)
        {
            return IsReadable(e.Message) ? (Outcome.Failed, e.Message) : (Outcome.Unsound, $"decode failed without a readable reason: \"{e.Message}\"");
        }
        catch (OperationCanceledException)
        {
            return (Outcome.TooSlow, "cancelled by the per-file time limit");
        }
#pragma warning disable CA1031 // Every other exception is exactly what this harness exists to report.
        catch (Exception e)
#pragma warning restore CA1031
        {
            return (Outcome.WrongException, Describe(e));
        }
    }

    /// <summary>A sentence for a clinician: not empty, ends like a sentence, no ImageMagick source locations.</summary>
    public static bool IsReadable(string? reason) =>
        !string.IsNullOrWhiteSpace(reason) && reason.TrimEnd().EndsWith('.') && !reason.Contains('@') && !reason.Contains('\n');

    /// <summary>Null when the picture is usable: 8-bit BGR, non-empty, within the pixel limit and JPEG's side limit.</summary>
    public static string? PictureProblem(NormalizedPhoto photo, ImageLimits limits)
    {
        var mat = photo.Pixels;
        if (mat.Empty() || mat.Data == IntPtr.Zero) return "normalised picture is empty";
        if (mat.Type() != MatType.CV_8UC3) return $"normalised picture has type {mat.Type()}, not CV_8UC3";
        if (photo.Width is < 1 or > 65535 || photo.Height is < 1 or > 65535) return $"normalised picture is {photo.Width}×{photo.Height}";
        if ((long)photo.Width * photo.Height > limits.MaxPixels)
            return $"normalised picture is {photo.Width}×{photo.Height}, over the {limits.MaxPixels}-pixel limit";
        return null;
    }

    /// <summary>
    /// The decode must produce the size the upload check approved (turned a quarter by orientation at most);
    /// otherwise the pixel limit, checked on the header, does not bound what is decoded.
    /// </summary>
    private static string? SizeProblem(NormalizedPhoto photo, InspectionResult inspection)
    {
        var (w, h) = (inspection.Width, inspection.Height);
        return (photo.Width, photo.Height) == (w, h) || (photo.Width, photo.Height) == (h, w)
            ? null
            : $"decoded {photo.Width}×{photo.Height} but the upload check approved {w}×{h}";
    }

    private static string Describe(Exception e)
    {
        var text = new StringBuilder($"{e.GetType().FullName}: {e.Message}");
        for (var inner = e.InnerException; inner is not null; inner = inner.InnerException)
            text.Append($" ← {inner.GetType().FullName}: {inner.Message}");
        var frame = e.StackTrace?.Split('\n').FirstOrDefault()?.Trim();
        if (frame is not null) text.Append($" [{frame}]");
        return text.ToString();
    }

    /// <summary>Counts per outcome, per sample and per kind of mutation, the slowest and the most memory-hungry files.</summary>
    public static string Summary(IReadOnlyList<Verdict> verdicts, TimeSpan total, long peakResident)
    {
        var outcomes = Enum.GetValues<Outcome>();
        var text = new StringBuilder();
        text.AppendLine($"{verdicts.Count} mutants in {total.TotalSeconds:F1} s; peak resident memory {peakResident >> 20} MB");
        text.AppendLine(string.Join(", ", outcomes.Select(o => $"{o}: {verdicts.Count(v => v.Outcome == o)}")));
        void Table(string title, Func<Verdict, string> key)
        {
            text.AppendLine();
            text.AppendLine($"{title,-34}" + string.Concat(outcomes.Select(o => $"{o,16}")));
            foreach (var group in verdicts.GroupBy(key).OrderBy(g => g.Key, StringComparer.Ordinal))
                text.AppendLine($"{group.Key,-34}" + string.Concat(outcomes.Select(o => $"{group.Count(v => v.Outcome == o),16}")));
        }
        Table("sample", v => v.Mutant.Sample);
        Table("mutation", v => v.Mutant.Kind);
        text.AppendLine();
        text.AppendLine("slowest:");
        foreach (var v in verdicts.OrderByDescending(v => v.Elapsed).Take(5)) text.AppendLine($"  {v}");
        text.AppendLine("most memory:");
        foreach (var v in verdicts.OrderByDescending(v => v.PeakGrowth).Take(5)) text.AppendLine($"  {v}");
        return text.ToString();
    }
}

/// <summary>
/// Resident memory of this process from /proc/self/status: the current size (VmRSS) and the high-water mark
/// (VmHWM), which writing "5" to /proc/self/clear_refs resets, so each file's own peak is seen rather than sampled.
/// Where /proc is not available, the working set stands in for both.
/// </summary>
internal static class ResidentMemory
{
    public static long Current() => Read("VmRSS:") ?? Environment.WorkingSet;

    public static long Peak() => Read("VmHWM:") ?? Environment.WorkingSet;

    public static void ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Peak() then reports the high-water mark of the whole run, which is only stricter.
        }
    }

    private static long? Read(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            var kilobytes = line?[field.Length..].Trim().Split(' ')[0];
            return kilobytes is null ? null : long.Parse(kilobytes, System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
