namespace ProgressTracker.Web.Features.Measurements;

/// <summary>Section "Measurement": how the clinic photographs, and what the series treats as a real change.</summary>
public sealed class MeasurementOptions
{
    public const string Section = "Measurement";

    /// <summary>
    /// Side length in millimetres of the printed ArUco marker (dictionary 4×4_50) the clinic holds in the body's plane;
    /// unset, no marker is looked for and results are relative (% of hip breadth).
    /// </summary>
    public double? MarkerSizeMm { get; set; }

    /// <summary>
    /// The smallest standard deviation of one measurement (depth, % of hip breadth) the series assumes, whatever the
    /// photo's own spread: repositioning a patient between visits varies the outline more than generated test bodies
    /// can show. The minimal detectable change is 1.96 × √2 × the series' typical standard deviation.
    /// </summary>
    public double RepeatabilityFloorPct { get; set; } = 0.15;
}
