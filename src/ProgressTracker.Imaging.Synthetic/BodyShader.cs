namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Lights the visible surface: soft "wrapped" diffuse light from the upper left (skin scatters light past the
/// terminator), a faint sheen, skin tone variation and pores, a plain brief, and small landmarks (navel, spine).
/// </summary>
internal static class BodyShader
{
    private static readonly (double X, double Y, double Z) Light = Normalise(-0.45, -0.55, 0.70);
    private static readonly (double X, double Y, double Z) Halfway = Normalise(Light.X, Light.Y, Light.Z + 1);

    /// <summary>Returns BGR in 0..255 (3 floats per pixel); background pixels stay 0.</summary>
    public static float[] Shade(SurfaceMap map, Random random)
    {
        int w = map.Width, h = map.Height;
        var skin = SkinTone(random);
        var brief = (B: 92.0, G: 84.0, R: 80.0); // muted slate, so the eye goes to the skin outline
        var pores = NoiseField.Generate(w, h, 1, random);
        var blotches = NoiseField.Generate(w, h, h / 70.0, random);
        var rgb = new float[w * h * 3];

        Parallel.For(0, h, row =>
        {
            var y = (row + 0.5) / h;
            for (var col = 0; col < w; col++)
            {
                var i = row * w + col;
                if (map.Part[i] == 0) continue;

                var slope = VerticalSlope(map, row, col);
                var (nx, ny, nz) = Normalise(map.NormalX[i], -slope * map.NormalZ[i], map.NormalZ[i]);
                var lambert = nx * Light.X + ny * Light.Y + nz * Light.Z;
                var diffuse = Math.Max(0, (lambert + 0.45) / 1.45);
                var sheen = Power24(Math.Max(0, nx * Halfway.X + ny * Halfway.Y + nz * Halfway.Z));

                var isBrief = IsUnderBrief(y, map.BodyX[i]);
                var landmark = isBrief ? 1 : Landmarks(y, map.BodyX[i], map.SinAround[i]);
                var tone = isBrief ? 1 + 0.015 * pores[i] : 1 + 0.018 * blotches[i] + 0.02 * pores[i];
                var light = (0.32 + 0.78 * diffuse) * landmark * tone;
                var spec = (isBrief ? 8 : 22) * sheen;
                var (b, g, r) = isBrief ? brief : skin;
                // Shadowed skin turns slightly redder (blood under the surface), lit skin stays neutral.
                var warm = 1 + 0.10 * (1 - diffuse);
                rgb[i * 3] = (float)(b * light / warm + spec);
                rgb[i * 3 + 1] = (float)(g * light / Math.Sqrt(warm) + spec);
                rgb[i * 3 + 2] = (float)(r * light + spec);
            }
        });
        return rgb;
    }

    private static (double B, double G, double R) SkinTone(Random random)
    {
        var depth = random.NextDouble(); // 0 fair .. 1 tan; kept in a narrow band so demo photos look alike
        return (B: 160 - 40 * depth, G: 182 - 38 * depth, R: 226 - 30 * depth);
    }

    /// <summary>
    /// A high-cut brief: waistband below the iliac crest; the leg openings run from the crotch at the
    /// midline up to just under the waistband at the sides, leaving the hip-dip region visible.
    /// </summary>
    private static bool IsUnderBrief(double y, double bodyX)
    {
        const double sideBottom = BodyModel.WaistbandY + 0.035;
        if (y < BodyModel.WaistbandY || y > BodyModel.CrotchY + 0.004) return false;
        var fromMidline = Math.Min(1, Math.Abs(bodyX) / 0.19);
        var bottom = BodyModel.CrotchY + 0.004 - (BodyModel.CrotchY - sideBottom) * Math.Pow(fromMidline, 1.8);
        return y <= bottom;
    }

    /// <summary>Darkening for the navel (front) and the groove over the spine (back).</summary>
    private static double Landmarks(double y, double bodyX, double sinAround)
    {
        var shade = 1.0;
        if (sinAround > 0.6 && Math.Abs(bodyX) < 0.03 && Math.Abs(y - 0.215) < 0.04)
            shade -= 0.35 * Math.Exp(-Math.Pow(bodyX / 0.006, 2) - Math.Pow((y - 0.215) / 0.009, 2));
        if (sinAround < -0.6 && y < BodyModel.WaistbandY && Math.Abs(bodyX) < 0.04)
            shade -= 0.06 * Math.Exp(-Math.Pow(bodyX / 0.012, 2)) * Math.Clamp((y + 0.05) / 0.1, 0, 1);
        return shade;
    }

    /// <summary>
    /// How fast the surface comes towards the camera going down the image. A wide stencil smooths the small
    /// row-to-row error of the polygonal cross-sections (which would show as bands); a depth jump means one
    /// part hides another there, so a narrower stencil is tried.
    /// </summary>
    private static double VerticalSlope(SurfaceMap map, int row, int col)
    {
        var i = row * map.Width + col;
        for (var reach = 4; reach >= 1; reach--)
        {
            if (row - reach < 0 || row + reach >= map.Height) continue;
            int up = i - reach * map.Width, down = i + reach * map.Width;
            if (map.Part[up] == 0 || map.Part[down] == 0) continue;
            var slope = (map.Depth[down] - map.Depth[up]) * map.UnitX / (2.0 * reach);
            if (Math.Abs(slope) < 4) return slope;
        }
        return 0;
    }

    private static double Power24(double x)
    {
        double x2 = x * x, x4 = x2 * x2, x8 = x4 * x4;
        return x8 * x8 * x8;
    }

    private static (double X, double Y, double Z) Normalise(double x, double y, double z)
    {
        var len = Math.Sqrt(x * x + y * y + z * z);
        return len < 1e-12 ? (0, 0, 1) : (x / len, y / len, z / len);
    }
}
