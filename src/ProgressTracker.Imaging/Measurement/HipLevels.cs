using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// The rows that frame the measurement on a front or back view, in the outline's pixels: the waist (narrowest
/// breadth above the hips) and the hips (widest breadth at the trochanters). Null with a reason when the outline
/// has no waist-and-hips shape or the frame cuts it off.
/// </summary>
internal sealed record HipLevels(int Waist, int Hips)
{
    public int Gap => Hips - Waist;

    public static (HipLevels? Levels, string? Reason) Find(BodyOutline outline)
    {
        var rows = Enumerable.Range(0, outline.Rows).Where(outline.Has).ToArray();
        if (rows.Length < outline.Rows / 4)
            return (null, MeasurementReasons.NoBody);
        int first = rows[0], last = rows[^1], span = last - first;
        var breadth = new double[outline.Rows];
        foreach (var y in rows) breadth[y] = outline.Breadth(y);
        var smooth = Smoothing.Gaussian(breadth, Math.Max(1, outline.Rows / 80.0));

        if (span < outline.Rows / 2) return (null, MeasurementReasons.NoBody);

        var hips = WidthProfile.ArgMax(smooth, first + span / 5, last - span / 5);
        var narrowest = WidthProfile.ArgMin(smooth, first, hips);
        if (smooth[hips] < 1.08 * smooth[narrowest] || hips - narrowest < span / 10)
            return (null, MeasurementReasons.NoWaistAndHips);
        // The waist must be a real narrowing: the outline widens again above it inside the frame.
        // (When the body goes on past the frame's top, the waist may be above it; otherwise there is no waist.)
        if (Enumerable.Range(first, narrowest - first + 1).Max(y => smooth[y]) < 1.01 * smooth[narrowest])
            return (null, first <= 1 ? MeasurementReasons.WaistOutOfFrame : MeasurementReasons.NoWaistAndHips);
        var waist = MiddleOfFlat(smooth, narrowest, y => smooth[y] <= 1.01 * smooth[narrowest]);
        if (hips + (hips - waist) / 3 >= last && last >= outline.Rows - 2)
            return (null, MeasurementReasons.HipsOutOfFrame);
        return (new HipLevels(waist, hips), null);
    }

    /// <summary>
    /// The middle of the run of rows around <paramref name="at"/> that <paramref name="inside"/> accepts: a waist is a
    /// broad minimum, and its exact lowest row moves with noise while the middle of the narrow stretch does not.
    /// </summary>
    internal static int MiddleOfFlat(double[] values, int at, Func<int, bool> inside)
    {
        int top = at, bottom = at;
        while (top > 0 && !double.IsNaN(values[top - 1]) && inside(top - 1)) top--;
        while (bottom + 1 < values.Length && !double.IsNaN(values[bottom + 1]) && inside(bottom + 1)) bottom++;
        return (top + bottom) / 2;
    }
}
