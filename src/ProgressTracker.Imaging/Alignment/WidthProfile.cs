using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Per image row: how many body pixels it has and where their middle is. A standing body's width profile
/// (narrow waist, wide hips, thighs) is distinctive in every view, and robust to where the frame cuts it off.
/// </summary>
internal sealed class WidthProfile
{
    private WidthProfile(double[] width, double[] centre) => (Width, Centre) = (width, centre);

    public double[] Width { get; }
    /// <summary>Mean x of the row's body pixels; NaN where the row has none.</summary>
    public double[] Centre { get; }
    public int Rows => Width.Length;

    public static WidthProfile Measure(Mat mask)
    {
        mask.GetArray(out byte[] pixels);
        int w = mask.Width, h = mask.Height;
        var width = new double[h];
        var centre = new double[h];
        for (var y = 0; y < h; y++)
        {
            double count = 0, sum = 0;
            for (var x = 0; x < w; x++)
            {
                if (pixels[y * w + x] == 0) continue;
                count++;
                sum += x;
            }
            width[y] = count;
            centre[y] = count > 0 ? sum / count : double.NaN;
        }
        return new WidthProfile(width, centre);
    }

    /// <summary>
    /// Rows whose outline a hip treatment changes, between the waist (the narrowest row of the upper body) and the
    /// widest row of the hips. Null when the profile has no waist-and-hips shape (then nothing is left out).
    /// </summary>
    public HipBand? FindHipBand()
    {
        var smooth = Smooth(Width, Math.Max(1, Rows / 60));
        var body = Enumerable.Range(0, Rows).Where(y => smooth[y] > 0).ToArray();
        if (body.Length == 0 || body.Length < Rows / 4) return null;
        int first = body[0], last = body[^1], span = last - first;

        // The widest row in the middle of the body is the hips; the narrowest above it is the waist.
        var hips = ArgMax(smooth, first + span / 5, last - span / 5);
        var waist = ArgMin(smooth, first, hips);
        if (smooth[hips] < 1.08 * smooth[waist] || hips - waist < span / 10) return null;
        var gap = hips - waist;
        // From a third of the way down from the waist (the iliac crest) to a quarter of that distance below the
        // widest row (the greater trochanter): where the dip, and the garment edges that move with it, lie.
        return new HipBand((double)Math.Max(first, waist + (int)(0.35 * gap)) / Rows, (Math.Min(last, hips + (int)(0.25 * gap)) + 1.0) / Rows);
    }

    internal static int ArgMax(double[] values, int from, int to)
    {
        var best = from;
        for (var i = from; i <= to && i < values.Length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    internal static int ArgMin(double[] values, int from, int to)
    {
        var best = from;
        for (var i = from; i <= to && i < values.Length; i++) if (values[i] < values[best]) best = i;
        return best;
    }

    public static double[] Smooth(double[] values, int radius)
    {
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            int from = Math.Max(0, i - radius), to = Math.Min(values.Length - 1, i + radius);
            double sum = 0;
            for (var j = from; j <= to; j++) sum += values[j];
            result[i] = sum / (to - from + 1);
        }
        return result;
    }
}
