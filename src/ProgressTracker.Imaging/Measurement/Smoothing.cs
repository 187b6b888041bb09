namespace ProgressTracker.Imaging.Measurement;

internal static class Smoothing
{
    /// <summary>Gaussian smoothing of a series (edges handled by renormalising the truncated kernel).</summary>
    public static double[] Gaussian(double[] values, double sigma)
    {
        if (sigma <= 0) return (double[])values.Clone();
        var radius = (int)Math.Ceiling(3 * sigma);
        var kernel = Enumerable.Range(-radius, 2 * radius + 1).Select(k => Math.Exp(-0.5 * k * k / (sigma * sigma))).ToArray();
        var result = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            double sum = 0, weight = 0;
            for (var k = -radius; k <= radius; k++)
            {
                var j = i + k;
                if (j < 0 || j >= values.Length || double.IsNaN(values[j])) continue;
                sum += kernel[k + radius] * values[j];
                weight += kernel[k + radius];
            }
            result[i] = weight > 0 ? sum / weight : double.NaN;
        }
        return result;
    }

    /// <summary>Running median over 2·<paramref name="radius"/>+1 values (NaN ignored; NaN where none).</summary>
    public static double[] Median(double[] values, int radius)
    {
        var result = new double[values.Length];
        var window = new List<double>(2 * radius + 1);
        for (var i = 0; i < values.Length; i++)
        {
            window.Clear();
            for (var j = Math.Max(0, i - radius); j <= Math.Min(values.Length - 1, i + radius); j++)
                if (!double.IsNaN(values[j])) window.Add(values[j]);
            if (window.Count == 0) { result[i] = double.NaN; continue; }
            window.Sort();
            result[i] = window.Count % 2 == 1 ? window[window.Count / 2] : 0.5 * (window[window.Count / 2 - 1] + window[window.Count / 2]);
        }
        return result;
    }
}
