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
        var window = new double[2 * radius + 1];
        for (var i = 0; i < values.Length; i++)
        {
            var count = 0;
            for (var j = Math.Max(0, i - radius); j <= Math.Min(values.Length - 1, i + radius); j++)
            {
                if (double.IsNaN(values[j])) continue;
                // Insertion keeps the few values in order without allocating.
                var k = count++;
                while (k > 0 && window[k - 1] > values[j]) { window[k] = window[k - 1]; k--; }
                window[k] = values[j];
            }
            result[i] = count == 0 ? double.NaN
                : count % 2 == 1 ? window[count / 2] : 0.5 * (window[count / 2 - 1] + window[count / 2]);
        }
        return result;
    }
}
