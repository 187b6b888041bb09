namespace ProgressTracker.Imaging.Evaluation.Measurement;

/// <summary>
/// The rows the method's definition frames on an exact outline: the widest row in the middle of the body (hips, or
/// the buttock on a lateral view) and the waist, the middle of the narrowest stretch above it (within 1 %).
/// </summary>
internal sealed record TrueLevels(int First, int Last, int Waist, int Widest, double[] Breadth)
{
    public int Gap => Widest - Waist;

    public static TrueLevels Of(double[] left, double[] right)
    {
        var rows = Enumerable.Range(0, left.Length).Where(y => !double.IsNaN(left[y]) && !double.IsNaN(right[y])).ToArray();
        int first = rows[0], last = rows[^1], span = last - first;
        var breadth = Enumerable.Range(0, left.Length).Select(y => right[y] - left[y]).ToArray();
        var widest = Enumerable.Range(first + span / 5, span * 3 / 5).MaxBy(y => breadth[y]);
        var narrowest = Enumerable.Range(first, widest - first).MinBy(y => breadth[y]);
        int top = narrowest, bottom = narrowest;
        while (top > first && breadth[top - 1] <= 1.01 * breadth[narrowest]) top--;
        while (bottom < widest && breadth[bottom + 1] <= 1.01 * breadth[narrowest]) bottom++;
        return new TrueLevels(first, last, (top + bottom) / 2, widest, breadth);
    }

    /// <summary>The widest breadth within a seventh of the gap around the widest row (the method's hip breadth).</summary>
    public double WidestBreadth => Enumerable.Range(Widest - Gap / 7, 2 * (Gap / 7) + 1).Max(y => Breadth[y]);
}
