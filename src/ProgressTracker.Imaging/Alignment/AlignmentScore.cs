namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Turns the agreement measures into one score and a verdict. Each measure maps to 0..1 through a ramp and the
/// score is the weakest of them, so one clear disagreement is enough for review: a wrong warp shown as aligned
/// misleads a clinician, while a needless review only costs a click. Ramps are calibrated on synthetic pairs,
/// where matching pairs score 1 on every measure and mismatches fall well below at least one.
/// </summary>
internal static class AlignmentScore
{
    public const double Threshold = 0.5;
    private const string Mismatch = "The photo does not match the baseline: different view or framing?";

    public static (double Score, string? Reason) Evaluate(Agreement a)
    {
        (double Value, string Reason)[] parts =
        [
            (Ramp(a.SilhouetteIoU, 0.90, 0.96), $"{Mismatch} The outlines differ (overlap {a.SilhouetteIoU:P0})."),
            (Ramp(a.Coverage, 0.5, 0.7), $"{Mismatch} Only {a.Coverage:P0} of the baseline's body is in the photo."),
            // A plausible camera change stays within 0.7–1.4× and 15°: the ramps cross the threshold exactly there.
            (Ramp(a.Scale, 0.65, 0.75) * (1 - Ramp(a.Scale, 1.3, 1.5)), $"{Mismatch} The body is {1 / a.Scale:0.00}× the baseline's size."),
            (1 - Ramp(Math.Abs(a.RotationDegrees), 10, 20), $"{Mismatch} The photo is turned {Math.Abs(a.RotationDegrees):0}° from the baseline."),
            (Ramp(a.Correlation, 0.94, 0.98), $"{Mismatch} Shading inside the body differs (correlation {a.Correlation:0.00})."),
        ];
        var weakest = parts.MinBy(p => p.Value);
        var score = Math.Round(weakest.Value, 3);
        return (score, score >= Threshold ? null : weakest.Reason);
    }

    private static double Ramp(double value, double low, double high) =>
        double.IsNaN(value) ? 0 : Math.Clamp((value - low) / (high - low), 0, 1);
}
