using OpenCvSharp;

namespace ProgressTracker.Imaging.Measurement;

/// <summary>
/// The body's outer left and right edge on every row of a silhouette mask (pixel boundaries, so a run from column
/// 10 to 20 has edges 9.5 and 20.5; NaN where a row has no body). Traced outward from the widest row of the trunk,
/// keeping on each row only the runs that touch the previous row's extent: an arm hanging free beside the body is
/// left out, a hand that touches the hip joins the outline (and shows as a jump the quality checks catch).
/// </summary>
internal sealed class BodyOutline
{
    private BodyOutline(double[] left, double[] right, int width) => (Left, Right, Width) = (left, right, width);

    public double[] Left { get; }
    public double[] Right { get; }
    public int Width { get; }
    public int Rows => Left.Length;

    public double Breadth(int row) => Right[row] - Left[row];

    public bool Has(int row) => row >= 0 && row < Rows && !double.IsNaN(Left[row]);

    public static BodyOutline Trace(Mat mask)
    {
        mask.GetArray(out byte[] pixels);
        int w = mask.Width, h = mask.Height;
        var runs = new List<(int From, int To)>[h];
        for (var y = 0; y < h; y++) runs[y] = Runs(pixels, y * w, w);

        var left = Enumerable.Repeat(double.NaN, h).ToArray();
        var right = Enumerable.Repeat(double.NaN, h).ToArray();
        var seed = SeedRow(runs, h);
        if (seed < 0) return new BodyOutline(left, right, w);
        var widest = runs[seed].MaxBy(r => r.To - r.From);
        (left[seed], right[seed]) = (widest.From - 0.5, widest.To + 0.5);
        Follow(runs, left, right, seed, -1);
        Follow(runs, left, right, seed, +1);
        return new BodyOutline(left, right, w);
    }

    /// <summary>The row with the widest single run in the upper two thirds of the body: the hips or the waist.</summary>
    private static int SeedRow(List<(int From, int To)>[] runs, int h)
    {
        var rows = Enumerable.Range(0, h).Where(y => runs[y].Count > 0).ToArray();
        if (rows.Length == 0) return -1;
        var upper = rows.Take(Math.Max(1, rows.Length * 2 / 3));
        return upper.MaxBy(y => runs[y].Max(r => r.To - r.From));
    }

    private static void Follow(List<(int From, int To)>[] runs, double[] left, double[] right, int seed, int step)
    {
        double l = left[seed], r = right[seed];
        for (var y = seed + step; y >= 0 && y < runs.Length; y += step)
        {
            var touching = runs[y].Where(run => run.To + 0.5 >= l - 1 && run.From - 0.5 <= r + 1).ToList();
            if (touching.Count == 0) return;
            (l, r) = (touching.Min(t => t.From) - 0.5, touching.Max(t => t.To) + 0.5);
            (left[y], right[y]) = (l, r);
        }
    }

    private static List<(int From, int To)> Runs(byte[] pixels, int offset, int w)
    {
        var list = new List<(int, int)>();
        for (var x = 0; x < w; x++)
        {
            if (pixels[offset + x] == 0) continue;
            var start = x;
            while (x + 1 < w && pixels[offset + x + 1] != 0) x++;
            list.Add((start, x));
        }
        return list;
    }
}
