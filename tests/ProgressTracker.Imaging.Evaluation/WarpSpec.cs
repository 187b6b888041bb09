namespace ProgressTracker.Imaging.Evaluation;

/// <summary>
/// How a follow-up photo differs from its baseline. The geometric part turns by <see cref="RotationDegrees"/> and
/// scales by <see cref="Scale"/> about the frame centre, then shifts by <see cref="ShiftX"/>/<see cref="ShiftY"/>
/// (fractions of the width); <see cref="PhotoScale"/> resizes the whole photo canvas (another camera resolution).
/// The photometric part: gain and offset, Gaussian sensor noise (σ in grey levels), and a backdrop shade change.
/// </summary>
public sealed record WarpSpec(
    double RotationDegrees,
    double Scale,
    double ShiftX,
    double ShiftY,
    double Gain = 1,
    double Offset = 0,
    double Noise = 3,
    double BackdropShift = 0,
    double PhotoScale = 1)
{
    public override string ToString() =>
        $"rot {RotationDegrees:+0.0;-0.0;0.0}° scale {Scale:0.00} shift ({ShiftX:+0.00;-0.00;0.00},{ShiftY:+0.00;-0.00;0.00})" +
        (PhotoScale == 1 ? "" : $" photo ×{PhotoScale:0.00}");
}
