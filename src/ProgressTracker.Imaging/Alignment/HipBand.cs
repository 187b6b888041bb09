namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// The rows whose outline a hip treatment changes, as fractions of the image height (so one band serves every
/// pyramid level): from part-way down from the waist to below the widest row of the hips.
/// </summary>
internal readonly record struct HipBand(double Top, double Bottom)
{
    /// <summary>First and one-past-last row of the band in an image <paramref name="height"/> rows tall.</summary>
    public (int From, int To) Rows(int height) =>
        (Math.Clamp((int)Math.Floor(Top * height), 0, height), Math.Clamp((int)Math.Ceiling(Bottom * height), 0, height));
}
