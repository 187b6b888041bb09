using OpenCvSharp;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Projects the turned body onto the image plane row by row. Each row of each part is one convex
/// cross-section; its front-most points give the visible surface, its extremes give the outline.
/// </summary>
internal static class BodyRasterizer
{
    private const int SectionPoints = 180;

    private static readonly (double Cos, double Sin)[] UnitCircle = Enumerable.Range(0, SectionPoints)
        .Select(k => (Math.Cos(2 * Math.PI * k / SectionPoints), Math.Sin(2 * Math.PI * k / SectionPoints)))
        .ToArray();

    public static SurfaceMap Rasterize(IReadOnlyList<BodyPart> parts, int width, int height, double turnDegrees)
    {
        // Horizontal scale follows the height unless the frame is too narrow for the hips.
        var unitX = Math.Min(height, width * 4.0 / 3.0);
        var map = new SurfaceMap(width, height, unitX);
        var theta = turnDegrees * Math.PI / 180;
        double cos = Math.Cos(theta), sin = Math.Sin(theta);
        var centreX = (width - 1) / 2.0;

        for (var p = 0; p < parts.Count; p++)
        {
            var part = parts[p];
            var partId = (byte)(p + 1);
            var firstRow = Math.Max(-2, (int)Math.Ceiling(part.Top * height - 0.5));
            var lastRow = Math.Min(height + 1, (int)Math.Floor(part.Bottom * height - 0.5));
            var rows = Math.Max(0, lastRow - firstRow + 1);
            var left = new Point2f[rows];
            var right = new Point2f[rows];
            // Rows are independent, so they can be scanned in parallel without changing the result.
            Parallel.For(0, rows, () => new SectionPoint[SectionPoints], (r, _, section) =>
            {
                var row = firstRow + r;
                BuildSection(part, (row + 0.5) / height, cos, sin, centreX, unitX, section);
                double minX = double.MaxValue, maxX = double.MinValue;
                foreach (var point in section)
                {
                    minX = Math.Min(minX, point.ImageX);
                    maxX = Math.Max(maxX, point.ImageX);
                }
                left[r] = new Point2f((float)minX, row);
                right[r] = new Point2f((float)maxX, row);
                if (row >= 0 && row < height) ScanRow(map, row, partId, section);
                return section;
            }, _ => { });
            Array.Reverse(right);
            map.Outlines.Add([.. left, .. right]);
        }
        return map;
    }

    private record struct SectionPoint(double ImageX, double Depth, double NormalX, double NormalZ, double Sin, double BodyX);

    private static void BuildSection(BodyPart part, double y, double cos, double sin, double centreX, double unitX, SectionPoint[] section)
    {
        double cx = part.CenterX(y), a = part.HalfWidth(y), front = part.FrontDepth(y), back = part.BackDepth(y);
        for (var k = 0; k < section.Length; k++)
        {
            double cp = UnitCircle[k].Cos, sp = UnitCircle[k].Sin;
            var b = sp >= 0 ? front : back;
            double x = cx + a * cp, z = b * sp;
            // Outward normal of an ellipse (a cos φ, b sin φ) is proportional to (b cos φ, a sin φ).
            double nx = b * cp, nz = a * sp, len = Math.Sqrt(nx * nx + nz * nz);
            nx /= len;
            nz /= len;
            section[k] = new SectionPoint(
                centreX + (x * cos - z * sin) * unitX,
                x * sin + z * cos,
                nx * cos - nz * sin,
                nx * sin + nz * cos,
                sp,
                x);
        }
    }

    /// <summary>Walks every edge of the section polygon; the largest depth per column is what the camera sees.</summary>
    private static void ScanRow(SurfaceMap map, int row, byte partId, SectionPoint[] section)
    {
        var rowStart = row * map.Width;
        for (var k = 0; k < section.Length; k++)
        {
            var a = section[k];
            var b = section[(k + 1) % section.Length];
            if (a.NormalZ <= 0 && b.NormalZ <= 0) continue; // faces away from the camera
            var (lo, hi) = a.ImageX <= b.ImageX ? (a, b) : (b, a);
            var firstCol = Math.Max(0, (int)Math.Ceiling(lo.ImageX - 0.5));
            var lastCol = Math.Min(map.Width - 1, (int)Math.Floor(hi.ImageX + 0.5));
            var span = hi.ImageX - lo.ImageX;
            for (var col = firstCol; col <= lastCol; col++)
            {
                var t = span < 1e-9 ? 0 : Math.Clamp((col - lo.ImageX) / span, 0, 1);
                var depth = lo.Depth + (hi.Depth - lo.Depth) * t;
                var i = rowStart + col;
                if (depth <= map.Depth[i]) continue;
                map.Depth[i] = (float)depth;
                map.NormalX[i] = (float)(lo.NormalX + (hi.NormalX - lo.NormalX) * t);
                map.NormalZ[i] = (float)Math.Max(0, lo.NormalZ + (hi.NormalZ - lo.NormalZ) * t);
                map.SinAround[i] = (float)(lo.Sin + (hi.Sin - lo.Sin) * t);
                map.BodyX[i] = (float)(lo.BodyX + (hi.BodyX - lo.BodyX) * t);
                map.Part[i] = partId;
            }
        }
    }
}
