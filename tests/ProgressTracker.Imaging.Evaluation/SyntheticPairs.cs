using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Evaluation;

/// <summary>
/// Baseline/follow-up pairs from <see cref="SyntheticBody"/> with known ground truth. The follow-up shows the
/// treatment effect (a shallower hip dip) on top of everything <see cref="KnownWarp"/> changes.
/// </summary>
public static class SyntheticPairs
{
    public const double BaselineDip = 0.8;
    public const double FollowUpDip = 0.4;

    public static readonly IReadOnlyList<string> Views =
        ["front", "back", "left-lateral", "right-lateral", "left-oblique", "right-oblique"];

    /// <summary>
    /// Same patient, same view, later visit: must align. With <paramref name="photoCanvasWidth"/> the later visit
    /// is rendered on a frame of another width (another camera's aspect ratio): the body keeps its size and stays
    /// centred, so the frames differ by a known shift, and the skin texture is not a pixel copy of the baseline's.
    /// </summary>
    public static AlignmentPair Matched(string view, int seed, WarpSpec warp, int width = 960, int height = 1280, int? photoCanvasWidth = null)
    {
        var canvas = photoCanvasWidth ?? width;
        if (canvas * 4 < height * 3) throw new ArgumentOutOfRangeException(nameof(photoCanvasWidth), "Narrower than 3:4 rescales the body.");
        var baseline = Render(view, seed, BaselineDip, width, height);
        using var later = Render(view, seed, FollowUpDip, canvas, height);
        var (photo, truth) = KnownWarp.Apply(later, warp, seed);
        var recentre = new double[] { 1, 0, (width - canvas) / 2.0, 0, 1, 0 };
        var label = $"{view} seed {seed} {warp}" + (canvas == width ? "" : $" on a {canvas}×{height} frame");
        return new AlignmentPair(label, baseline, photo, truth.Then(recentre));
    }

    /// <summary>Another view of the same patient, or (with <paramref name="otherSeed"/>) of another person.</summary>
    public static AlignmentPair OtherView(string baselineView, string photoView, int seed, int otherSeed, WarpSpec warp,
        int width = 960, int height = 1280)
    {
        var baseline = Render(baselineView, seed, BaselineDip, width, height);
        using var later = Render(photoView, otherSeed, FollowUpDip, width, height);
        var (photo, _) = KnownWarp.Apply(later, warp, seed);
        var who = otherSeed == seed ? "same person" : "other person";
        return new AlignmentPair($"{baselineView} vs {photoView} ({who})", baseline, photo, null);
    }

    /// <summary>
    /// The same view framed so differently that a comparison would mislead: a 2× close-up of the upper body,
    /// or a frame cut off just below the waist.
    /// </summary>
    public static AlignmentPair OtherFraming(string view, int seed, bool closeUp, int width = 960, int height = 1280)
    {
        var baseline = Render(view, seed, BaselineDip, width, height);
        using var later = Render(view, seed, FollowUpDip, width, height);
        Mat photo;
        if (closeUp)
        {
            var spec = new WarpSpec(1.5, 2.0, 0, 0.5 * height / width, Gain: 1.05, Noise: 3);
            (photo, _) = KnownWarp.Apply(later, spec, seed);
        }
        else
        {
            using var top = new Mat(later, new Rect(0, 0, width, (int)(height * 0.36)));
            (photo, _) = KnownWarp.Apply(top, new WarpSpec(-2, 1, 0.02, 0, Noise: 3), seed);
        }
        return new AlignmentPair($"{view} framing {(closeUp ? "2× close-up" : "waist-up crop")}", baseline, photo, null);
    }

    public static Mat Render(string view, int seed, double dip, int width, int height) =>
        SyntheticBody.Render(new SyntheticBodyOptions(width, height, view, dip, seed));
}
