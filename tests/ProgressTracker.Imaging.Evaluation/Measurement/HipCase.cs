using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Measurement;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>What is wrong with a generated photo, if anything; each fault has the reason the measurement must give.</summary>
public enum HipFault { None, HandNearHip, ClothingAcrossBand, LeavesFrame, LowContrast, DifferentPose }

/// <summary>
/// One generated hip photo with known truth: a body (shape from the seed, dip from <see cref="Dip"/>), a camera
/// change (small rotation and scale, noise) and possibly a fault. <see cref="Truth"/> is in image sides.
/// </summary>
public sealed record HipCase(string Name, SyntheticBodyOptions Body, WarpSpec Camera, HipFault Fault)
{
    public double Dip => Body.HipDipDepth;

    /// <summary>The reasons a photo with this fault may be refused with (empty for a good photo).</summary>
    public IReadOnlyList<string> ExpectedReasons => Fault switch
    {
        HipFault.HandNearHip => [MeasurementReasons.HandOrArm],
        HipFault.ClothingAcrossBand => [MeasurementReasons.Clothing],
        HipFault.LeavesFrame => [MeasurementReasons.LeavesFrame],
        // Faint edges, or no outline told apart from the background at all: both name the background.
        HipFault.LowContrast => [MeasurementReasons.LowContrast, MeasurementReasons.NoBody],
        HipFault.DifferentPose => [MeasurementReasons.PoseDiffers],
        _ => [],
    };

    /// <summary>
    /// Renders the photo; the truth comes from the body before the camera change (ratios do not change with it).
    /// <paramref name="decorate"/> may add to the drawn photo before the camera sees it (a marker held to the body).
    /// </summary>
    public (Mat Photo, TrueDip Truth) Render(Action<Mat, TrueDip>? decorate = null)
    {
        using var drawn = SyntheticBody.RenderWithOutline(Body);
        var truth = TrueDip.Of(drawn.Left, drawn.Right);
        HipFaults.Apply(drawn, Fault, Body.Seed);
        decorate?.Invoke(drawn.Image, truth);
        var (warped, _) = KnownWarp.Apply(drawn.Image, Camera, Body.Seed);
        using (warped)
        {
            // A real camera sees more of the body, not backdrop, beyond the frame: keep only what the warp filled.
            var margin = new Size((int)(0.06 * warped.Width), (int)(0.06 * warped.Height));
            using var inner = new Mat(warped, new Rect(margin.Width, margin.Height, warped.Width - 2 * margin.Width, warped.Height - 2 * margin.Height));
            return (inner.Clone(), truth);
        }
    }

    /// <summary>
    /// How the photo relates to its baseline: for a photo taken in another pose, the aligner's verdict against the
    /// same body in the baseline's pose; null for the others (measured as baselines).
    /// </summary>
    public AlignmentToBaseline? AlignmentOf(Mat photo)
    {
        if (Fault != HipFault.DifferentPose) return null;
        using var baseline = SyntheticBody.Render(Body with { TurnDegrees = 0 });
        var result = PhotoAligner.Align(baseline, photo);
        return new AlignmentToBaseline(result.Verdict == AlignmentVerdict.Aligned, result.Score, result.Reason);
    }

    public override string ToString() => Name;
}
