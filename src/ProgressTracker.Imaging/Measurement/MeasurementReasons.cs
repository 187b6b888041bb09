namespace ProgressTracker.Imaging.Measurement;

/// <summary>Why a photo gives no hip-dip number, worded for a clinician (what is wrong and what to do next time).</summary>
public static class MeasurementReasons
{
    public const string NoBody =
        "The body could not be told apart from the background: use a plain backdrop that differs from the skin tone, and even light.";
    public const string NoWaistAndHips =
        "The outline has no clear waist and hips (clothing, a turned pose or framing hides them), so there is no hip dip to measure.";
    public const string WaistOutOfFrame = "The waist is not in the photo: frame from just above the waist to the knees.";
    public const string HipsOutOfFrame = "The hips are cut off at the bottom of the photo: frame from just above the waist to the knees.";
    public const string LeavesFrame = "The hip outline runs out of the side of the photo: step back so both hips are in frame.";
    public const string HandOrArm = "A hand or arm touches the hip outline: ask the patient to hold the arms away from the hips or cross them on the chest.";
    public const string Clothing =
        "A clothing edge crosses the measured part of the outline (a waistband or hem can fake a dip): use underwear that does not cover the hips.";
    public const string LowContrast = "The outline is too faint against the background: use a plain backdrop that differs from the skin tone, and even light.";
    public const string PoseDiffers =
        "The pose differs from the baseline photo's (turned, tilted or another stance), so the outlines are not comparable: retake in the baseline's pose.";
    public const string ObliqueView = "Oblique views are not measured: use the front, back or lateral photos.";
    public const string UnknownView = "The photo's view is not known, so it cannot be measured.";
    public const string NotAligned =
        "The photo could not be aligned to its baseline, so its pose cannot be compared: align it by hand or retake it.";
    public const string Unreadable = "The processed image could not be read, so the photo could not be measured.";

    public static string Unstable(double spreadPct) =>
        $"The measurement is not stable on this photo: small changes of the measured window, smoothing or edge threshold move the depth by {spreadPct:0.00} % of hip breadth.";
}
