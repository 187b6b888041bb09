using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Imaging;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// <c>ingest-stages</c>: each speed change in the ingest pipeline, before and after, on the same 12-megapixel
/// files as <c>ingest-sharp</c>. "Before" is the previous implementation written out with ImageMagick and OpenCV
/// calls (ImageMagick decodes, converts, turns and exports everything; each derivative is resized from the full
/// image in one step); "after" is the library as it is now. Before and after alternate, medians are printed.
/// Usage: ingest-stages [--runs N]
/// </summary>
public static class IngestStagesBenchmark
{
    private static readonly ImageLimits Limits = new();

    public static int Run(string[] args)
    {
        var at = Array.IndexOf(args, "--runs");
        var runs = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : 9;

        var (files, heicProblem) = PhoneCameraFiles.Build();
        byte[] Bytes(string name) => File.ReadAllBytes(files.Single(f => f.Name == name).Path);
        var portrait = Bytes("jpeg-o6-portrait.jpg");
        var landscape = Bytes("jpeg-o1-landscape.jpg");
        var p3 = Bytes("jpeg-o6-portrait-p3.jpg");
        var p3Untagged = WithoutIcc(p3);
        var heic = files.Any(f => f.Name == "heic-portrait-p3.heic") ? Bytes("heic-portrait-p3.heic") : null;

        Console.WriteLine($"Ingest stages, before → after (median of {runs} runs, 12 MP, {Environment.ProcessorCount} cores, load average {Machine.LoadAverage()})");
        Console.WriteLine($"  {"stage",-70} {"before",9} {"after",9}");

        using var upright = Cv2.ImDecode(portrait, ImreadModes.Color);
        Compare("JPEG orientation 1: decode to sRGB BGR matrix", () => OldNormalize(landscape), () => Normalize(landscape), runs);
        Compare("JPEG orientation 6: decode, turn upright", () => OldNormalize(portrait), () => Normalize(portrait), runs);
        Compare("JPEG Display P3, orientation 6: decode, convert, turn", () => OldNormalize(p3), () => Normalize(p3), runs);
        Compare("  of which the P3 → sRGB conversion (difference to untagged twin)",
            () => OldNormalize(p3) - OldNormalize(p3Untagged), () => Normalize(p3) - Normalize(p3Untagged), runs);
        Compare("Turning a 12 MP image 90° (AutoOrient → OpenCV rotate)", () => OldRotate(upright), () => NewRotate(upright), runs);
        Compare("Resize 12 MP → 1280 px (one area step → halving + area)", () => OldResize(upright, 1280), () => NewResize(upright, 1280), runs);
        Compare("Master JPEG q92, 12 MP (optimised Huffman tables → plain)",
            () => Time(() => DerivativeRenderer.EncodeJpeg(upright, DerivativeSpec.MasterJpegQuality, optimizedHuffman: true)),
            () => Time(() => DerivativeRenderer.EncodeJpeg(upright, DerivativeSpec.MasterJpegQuality, DerivativeSpec.MasterOptimizedHuffman)), runs);
        Compare("Every derivative of the v2 recipe (each from full size → RenderAll)", () => OldDerivatives(upright), () => NewDerivatives(upright), runs);
        if (heic is not null)
        {
            Compare("HEIC Display P3: decode, convert, export", () => OldNormalize(heic, MagickFormat.Heic), () => Normalize(heic), runs);
            Compare("  of which the ImageMagick → OpenCV pixel export", () => OldExport(heic), () => NewExport(heic), runs);
        }
        else
        {
            Console.WriteLine($"  HEIC stages not measured: {heicProblem}");
        }
        Compare("Whole ingest, JPEG o6 (v1 recipe: master + 2 JPEGs)", () => OldNormalize(portrait) + OldV1Derivatives(portrait),
            () => Time(() => IngestPipelines.FullIngest(portrait)) - NewWebpOnly(portrait), runs);
        Compare("Whole ingest, JPEG o6 (v2 recipe: master + 2 JPEGs + 2 WebPs)", () => OldNormalize(portrait) + OldDerivativesOf(portrait),
            () => Time(() => IngestPipelines.FullIngest(portrait)), runs);
        if (heic is not null)
        {
            Compare("Whole ingest, HEIC Display P3 (v2 recipe)", () => OldNormalize(heic, MagickFormat.Heic) + OldDerivativesOf(heic),
                () => Time(() => IngestPipelines.FullIngest(heic)), runs);
        }
        return 0;
    }

    private static void Compare(string stage, Func<double> before, Func<double> after, int runs)
    {
        before();
        after();
        var b = new List<double>();
        var a = new List<double>();
        for (var i = 0; i < runs; i++)
        {
            b.Add(before());
            a.Add(after());
        }
        Console.WriteLine($"  {stage,-70} {Median(b),7:0.0} ms {Median(a),7:0.0} ms");
    }

    // ---- after: the library as it is ----

    private static double Normalize(byte[] original) => Time(() => PhotoNormalizer.Normalize(original, Limits).Dispose());

    private static double NewRotate(Mat upright) => Time(() =>
    {
        using var turned = new Mat();
        Cv2.Rotate(upright, turned, RotateFlags.Rotate90Clockwise);
    });

    private static double NewResize(Mat source, int longEdge) => Time(() => DerivativeRenderer.ResizeToLongEdge(source, longEdge).Dispose());

    private static double NewDerivatives(Mat source) => Time(() => DerivativeRenderer.RenderAll(source));

    private static double NewExport(byte[] heic)
    {
        using var image = new MagickImage(heic, MagickFormat.Heic);
        return Time(() =>
        {
            using var pixels = image.GetPixelsUnsafe();
            var area = pixels.GetAreaPointer(0, 0, image.Width, image.Height);
            using var rgb = Mat.FromPixelData((int)image.Height, (int)image.Width, MatType.CV_8UC3, area);
            using var bgr = new Mat();
            Cv2.CvtColor(rgb, bgr, ColorConversionCodes.RGB2BGR);
        });
    }

    // ---- before: the previous implementation, spelled out ----

    /// <summary>Upload checks and metadata, ImageMagick read, profile conversion, AutoOrient, BGR export, copy into a Mat.</summary>
    private static double OldNormalize(byte[] original, MagickFormat format = MagickFormat.Jpeg) => Time(() =>
    {
        using (var stream = new MemoryStream(original, writable: false)) UploadInspector.Inspect(stream, Limits);
        using (var stream = new MemoryStream(original, writable: false)) MetadataExtractor.ImageMetadataReader.ReadMetadata(stream);
        using var image = new MagickImage();
        image.Read(original, new MagickReadSettings { Format = format, FrameIndex = 0, FrameCount = 1 });
        var profile = image.GetColorProfile();
        if (profile is not null && profile.Description?.Contains("sRGB", StringComparison.OrdinalIgnoreCase) != true)
            image.TransformColorSpace(profile, ColorProfiles.SRGB);
        image.Depth = 8;
        image.AutoOrient();
        OldCopyToMat(image).Dispose();
    });

    private static Mat OldCopyToMat(MagickImage image)
    {
        var bgr = image.ToByteArray(MagickFormat.Bgr);
        var mat = new Mat((int)image.Height, (int)image.Width, MatType.CV_8UC3);
        Marshal.Copy(bgr, 0, mat.Data, bgr.Length);
        return mat;
    }

    private static double OldExport(byte[] heic)
    {
        using var image = new MagickImage(heic, MagickFormat.Heic);
        return Time(() => OldCopyToMat(image).Dispose());
    }

    private static double OldRotate(Mat upright)
    {
        using var image = new MagickImage();
        image.ReadPixels(upright.AsSpan<byte>(), new PixelReadSettings((uint)upright.Width, (uint)upright.Height, StorageType.Char, PixelMapping.BGR));
        return Time(() =>
        {
            using var copy = image.Clone();
            copy.Orientation = ImageMagick.Orientation.RightTop;
            copy.AutoOrient();
        }) - Time(() => image.Clone().Dispose());
    }

    private static double OldResize(Mat source, int longEdge) => Time(() =>
    {
        var scale = (double)longEdge / Math.Max(source.Width, source.Height);
        using var resized = new Mat();
        Cv2.Resize(source, resized, new Size((int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale)), 0, 0, InterpolationFlags.Area);
    });

    /// <summary>The v2 recipe built the old way: every size resized from the full image in one area step.</summary>
    private static double OldDerivatives(Mat source) => Time(() =>
    {
        DerivativeRenderer.EncodeJpeg(source, DerivativeSpec.MasterJpegQuality);
        foreach (var longEdge in new[] { DerivativeSpec.DisplayLongEdge, DerivativeSpec.ThumbLongEdge })
        {
            var scale = (double)longEdge / Math.Max(source.Width, source.Height);
            var size = new Size((int)Math.Round(source.Width * scale), (int)Math.Round(source.Height * scale));
            foreach (var webp in new[] { false, true })
            {
                using var resized = new Mat();
                Cv2.Resize(source, resized, size, 0, 0, InterpolationFlags.Area);
                if (webp) DerivativeRenderer.EncodeWebp(resized, DerivativeSpec.WebpQuality);
                else DerivativeRenderer.EncodeJpeg(resized, DerivativeSpec.JpegQuality);
            }
        }
    });

    /// <summary>The v2 recipe the old way, on the upright pixels of a file.</summary>
    private static double OldDerivativesOf(byte[] original)
    {
        using var photo = PhotoNormalizer.Normalize(original, Limits);
        return OldDerivatives(photo.Pixels);
    }

    /// <summary>What the two WebP encodes cost in RenderAll, to subtract for the v1-recipe comparison.</summary>
    private static double NewWebpOnly(byte[] original)
    {
        using var photo = PhotoNormalizer.Normalize(original, Limits);
        using var display = DerivativeRenderer.ResizeToLongEdge(photo.Pixels, DerivativeSpec.DisplayLongEdge);
        using var thumb = DerivativeRenderer.ResizeToLongEdge(display, DerivativeSpec.ThumbLongEdge);
        return Time(() => DerivativeRenderer.EncodeWebp(display, DerivativeSpec.WebpQuality))
               + Time(() => DerivativeRenderer.EncodeWebp(thumb, DerivativeSpec.WebpQuality));
    }

    /// <summary>The walking skeleton's job: master, 1280 and 320 JPEG, each resized from the full image.</summary>
    private static double OldV1Derivatives(byte[] original)
    {
        using var upright = Cv2.ImDecode(original, ImreadModes.Color);
        return Time(() =>
        {
            DerivativeRenderer.EncodeJpeg(upright, DerivativeSpec.MasterJpegQuality);
            foreach (var longEdge in new[] { DerivativeSpec.DisplayLongEdge, DerivativeSpec.ThumbLongEdge })
            {
                var scale = (double)longEdge / Math.Max(upright.Width, upright.Height);
                using var resized = new Mat();
                Cv2.Resize(upright, resized, new Size((int)Math.Round(upright.Width * scale), (int)Math.Round(upright.Height * scale)), 0, 0, InterpolationFlags.Area);
                DerivativeRenderer.EncodeJpeg(resized, DerivativeSpec.JpegQuality);
            }
        });
    }

    // ---- helpers ----

    /// <summary>The same JPEG without its APP2 ICC_PROFILE segments (identical pixels, untagged).</summary>
    private static byte[] WithoutIcc(byte[] jpeg)
    {
        var output = new List<byte>(jpeg.Length) { jpeg[0], jpeg[1] };
        var at = 2;
        while (at + 4 <= jpeg.Length && jpeg[at] == 0xFF && jpeg[at + 1] != 0xDA)
        {
            var length = (jpeg[at + 2] << 8) | jpeg[at + 3];
            var isIcc = jpeg[at + 1] == 0xE2 && jpeg.AsSpan(at + 4).StartsWith("ICC_PROFILE\0"u8);
            if (!isIcc) output.AddRange(jpeg.AsSpan(at, length + 2).ToArray());
            at += length + 2;
        }
        output.AddRange(jpeg.AsSpan(at).ToArray());
        return [.. output];
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
