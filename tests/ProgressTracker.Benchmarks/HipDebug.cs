using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation.Measurement;
using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Benchmarks;

internal static class HipDebug
{
    public static int Profile()
    {
        var c = HipCases.Good(1, 1).First(x => x.Dip == 0.9);
        var (photo, _) = c.Render();
        using var big = new Mat();
        Cv2.Resize(photo, big, new Size(3024, 4032), 0, 0, InterpolationFlags.Cubic);
        foreach (var image in new[] { photo, big })
        {
            for (var run = 0; run < 4; run++)
            {
                var t = System.Diagnostics.Stopwatch.StartNew();
                var scale = Math.Max(1.0, (double)Math.Max(image.Width, image.Height) / 480);
                using var work = new Mat();
                Cv2.Resize(image, work, new Size((int)Math.Round(image.Width / scale), (int)Math.Round(image.Height / scale)), 0, 0, InterpolationFlags.Area);
                var a = t.Elapsed.TotalMilliseconds;
                var t0 = t.Elapsed.TotalMilliseconds;
                var model = BackdropModel.Fit(work);
                var t1 = t.Elapsed.TotalMilliseconds;
                using (var score = BackdropDistance.Score(work, model)) { }
                var t2 = t.Elapsed.TotalMilliseconds;
                Console.WriteLine($"   fit {t1 - t0:0.0} score {t2 - t1:0.0} border share {model.BorderShare:0.00}");
                using var sil = SilhouetteSegmenter.Segment(work);
                var b = t.Elapsed.TotalMilliseconds;
                var outline = BodyOutline.Trace(sil.Mask);
                var (levels, _) = HipLevels.Find(outline);
                var cc = t.Elapsed.TotalMilliseconds;
                var fit = EdgeFit.Fit(image, ImageSide.Left, outline.Left, (double)image.Width / work.Width, 200, 900);
                var d = t.Elapsed.TotalMilliseconds;
                var m = HipMeasurer.Measure(image, new MeasurementContext("front"), CancellationToken.None);
                var e = t.Elapsed.TotalMilliseconds;
                Console.WriteLine($"{image.Width}x{image.Height}: resize {a:0.0} segment {b - a:0.0} trace+levels {cc - b:0.0} one edge fit {d - cc:0.0} whole measure {e - d:0.0} ms");
            }
        }
        return 0;
    }

    public static int Real()
    {
        foreach (var file in Directory.GetFiles("/work/shared/fixtures/real-people", "*.jpg").Order())
        {
            using var image = Cv2.ImRead(file);
            foreach (var view in new[] { "front", "back" })
            {
                var m = HipMeasurer.Measure(image, new MeasurementContext(view), CancellationToken.None);
                Console.WriteLine($"{Path.GetFileName(file)} {view}: {m.Status} conf {m.Confidence} L {m.Left?.DepthPct} R {m.Right?.DepthPct} — {m.Reason}");
            }
            // and a waist-to-knee crop of it
            var crop = new Rect(0, (int)(0.4 * image.Height), image.Width, (int)(0.45 * image.Height));
            using var part = image[crop].Clone();
            var c = HipMeasurer.Measure(part, new MeasurementContext("front"), CancellationToken.None);
            Console.WriteLine($"{Path.GetFileName(file)} crop: {c.Status} conf {c.Confidence} L {c.Left?.DepthPct} R {c.Right?.DepthPct} — {c.Reason}");
        }
        return 0;
    }

    public static int Edge()
    {
        using (var t = ProgressTracker.Imaging.Synthetic.SyntheticBody.RenderWithOutline(new(1200, 1600, "front", 0.0, 2, ShapeVariation: 1)))
        {
            foreach (var yy in new[] { 590, 594, 596, 598, 600, 604 })
                Console.WriteLine($"row {yy} truth {t.Left[yy]:0.0}: " + string.Join(" ", Enumerable.Range(284, 16).Select(x => $"{x}:{t.Image.At<Vec3b>(yy, x).Item0}")));
            for (var y = 560; y < 560; y += 4) Console.WriteLine($"truth row {y}: {t.Left[y]:0.00} {t.Right[y]:0.00} px {t.Image.At<Vec3b>(y, (int)t.Left[y] + 2)}");
            Cv2.ImWrite("/tmp/hipdbg/truth2.png", t.Image[new Rect(150, 500, 300, 300)]);
        }
        var hc = HipCases.Good(2, 1).First(c => c.Dip == 0.0 && c.Body.Seed == 2);
        var (img, _) = hc.Render();
        using var d = new ProgressTracker.Imaging.Synthetic.SyntheticPhoto(img, new double[2000], new double[2000]);
        var scale = img.Width / 600.0;
        using var work = new Mat();
        Cv2.Resize(d.Image, work, new Size(600, (int)Math.Round(img.Height / scale)), 0, 0, InterpolationFlags.Area);
        using var sil = SilhouetteSegmenter.Segment(work);
        var outline = BodyOutline.Trace(sil.Mask);
        var fit = EdgeFit.Fit(d.Image, ImageSide.Left, outline.Left, scale, 480, 660);
        using (var crop = d.Image[new Rect(190, 490, 60, 60)].Clone())
        {
            using var big = new Mat();
            Cv2.Resize(crop, big, new Size(360, 360), 0, 0, InterpolationFlags.Nearest);
            Cv2.ImWrite("/tmp/hipdbg/notch.png", big);
        }
        for (var y = 500; y <= 560; y += 1)
            Console.WriteLine($"row {y}: fit {fit.X[1][y - 480]:0.00} coarse {(outline.Left[(int)(y / scale)] + 0.5) * scale - 0.5:0.0} contrast {fit.Contrast[y - 480]:0} inside {fit.Inside[y - 480].Item0:0},{fit.Inside[y - 480].Item1:0},{fit.Inside[y - 480].Item2:0}");
        return 0;
    }

    public static int Scan()
    {
        foreach (var dip in new[] { 0.0, 0.25, 0.5, 1.0, 1.5 })
        foreach (var seed in new[] { 1, 2, 3 })
        {
            using var d = ProgressTracker.Imaging.Synthetic.SyntheticBody.RenderWithOutline(new(1200, 1600, "front", dip, seed));
            var line = $"dip {dip} seed {seed}:";
            foreach (var f in new[] { 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55 })
            {
                var rows = Enumerable.Range(0, 1600).Where(y => !double.IsNaN(d.Left[y])).ToArray();
                int first = rows[0], last = rows[^1], span = last - first;
                var breadth = Enumerable.Range(0, 1600).Select(y => d.Right[y] - d.Left[y]).ToArray();
                var hips = Enumerable.Range(first + span / 5, span * 3 / 5).MaxBy(y => breadth[y]);
                var waist = Enumerable.Range(first, hips - first).MinBy(y => breadth[y]);
                var gap = hips - waist;
                var outs = d.Right;
                var tro = Enumerable.Range(waist + gap / 2, gap - gap / 2 + gap / 3).MaxBy(y => outs[y]);
                var pts = Enumerable.Range(waist + (int)(f * gap), tro + (int)(0.15 * gap) - waist - (int)(f * gap)).Select(y => new ContourPoint(y, outs[y])).ToList();
                var def = ConvexityDefect.Of(pts);
                line += $" {f}:{100 * def.Depth / breadth[hips]:0.00}";
                if (f == 0.35) line += $"[w{waist} h{hips} t{tro}]";
            }
            Console.WriteLine(line);
        }
        return 0;
    }

    public static int Run(string[] args)
    {
        Directory.CreateDirectory("/tmp/hipdbg");
        var cases = HipCases.Good(2, 1).Concat(HipCases.Faulty(3)).ToList();
        foreach (var c in cases)
        {
            var (photo, truth) = c.Render();
            using (photo)
            {
                var scale = Math.Max(1.0, (double)Math.Max(photo.Width, photo.Height) / 480);
                using var work = new Mat();
                Cv2.Resize(photo, work, new Size((int)Math.Round(photo.Width / scale), (int)Math.Round(photo.Height / scale)), 0, 0, InterpolationFlags.Area);
                using var sil = SilhouetteSegmenter.Segment(work);
                var outline = BodyOutline.Trace(sil.Mask);
                var (levels, reason) = HipLevels.Find(outline);
                var m = HipMeasurer.Measure(photo, new MeasurementContext("front"), CancellationToken.None);
                using var canvas = work.Clone();
                for (var y = 0; y < outline.Rows; y++)
                {
                    if (!outline.Has(y)) continue;
                    canvas.Set(y, (int)Math.Clamp(outline.Left[y], 0, work.Width - 1), new Vec3b(0, 0, 255));
                    canvas.Set(y, (int)Math.Clamp(outline.Right[y], 0, work.Width - 1), new Vec3b(0, 0, 255));
                }
                if (levels is not null)
                {
                    Cv2.Line(canvas, new Point(0, levels.Waist), new Point(work.Width, levels.Waist), new Scalar(255, 0, 0));
                    Cv2.Line(canvas, new Point(0, levels.Hips), new Point(work.Width, levels.Hips), new Scalar(0, 255, 0));
                }
                if (m.Overlay is { } o)
                    foreach (var s in o.Sides)
                    {
                        Cv2.Line(canvas, new Point(s.BridgeUpper.X / scale, s.BridgeUpper.Y / scale), new Point(s.BridgeLower.X / scale, s.BridgeLower.Y / scale), new Scalar(0, 255, 255));
                        Cv2.Line(canvas, new Point(s.Deepest.X / scale, s.Deepest.Y / scale), new Point(s.DeepestFoot.X / scale, s.DeepestFoot.Y / scale), new Scalar(255, 0, 255));
                    }
                var name = c.Name.Replace(' ', '_');
                Cv2.ImWrite($"/tmp/hipdbg/{name}.png", canvas);
                Console.WriteLine($"{c.Name}: levels {levels?.Waist}/{levels?.Hips} {reason} -> {m.Status} {m.Reason} L {m.Left?.DepthPct:0.00} R {m.Right?.DepthPct:0.00} truth {truth.LeftDepthPct:0.00}/{truth.RightDepthPct:0.00} spread {m.SpreadPct}");
            }
        }
        return 0;
    }
}
