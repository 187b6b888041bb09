using System.Security.Cryptography;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>
/// Renders a marketing case: the before and after photos side by side on the exports' dark stage, each blurred where
/// the brush was applied and cropped, a label under each, the caption under the pair, the case code in the corner
/// (the visible provenance) and the watermark on each photo. The JPEG carries no EXIF, ICC or GPS data, only an XMP
/// packet naming the case and its consents (<see cref="CaseMetadata"/>). The same request gives the same bytes.
/// </summary>
public static class CaseRenderer
{
    public const int JpegQuality = 90;

    /// <exception cref="ArgumentException">
    /// The request breaks a rule of <see cref="CaseRules"/>, or a photo cannot be decoded; the message says which.
    /// </exception>
    public static RenderedCase Render(CaseRenderRequest request, CancellationToken ct = default) =>
        RenderLaidOut(request, ct).Case;

    /// <summary>The rendered case and where its parts were drawn (for tests that look at the pixels).</summary>
    internal static (RenderedCase Case, CaseLayout Layout) RenderLaidOut(CaseRenderRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        Require(CaseRules.LabelProblem(request.BeforeLabel, "before"));
        Require(CaseRules.LabelProblem(request.AfterLabel, "after"));
        Require(CaseRules.CaptionProblem(request.CaptionLines));
        Require(CompositionRules.WatermarkProblem(request.Watermark));
        Require(CaseRules.ProvenanceProblem(request.Provenance));

        using var after = EncodedImage.Decode(request.After, nameof(request), "The after photo");
        using var before = EncodedImage.Decode(request.Before, nameof(request), "The before photo");
        Require(CaseRules.BlurProblem(request.Blur, after.Width, after.Height));
        var (crop, problem) = CaseRules.ClipCrop(request.Crop, after.Width, after.Height);
        Require(problem);
        ct.ThrowIfCancellationRequested();

        // Blur first, on the whole photo in the after photo's coordinates: the brush was painted there, and a spot
        // at the crop's edge is blurred with the pixels around it rather than with a border.
        double scaleX = (double)before.Width / after.Width, scaleY = (double)before.Height / after.Height;
        BlurBrush.Apply(after, request.Blur);
        BlurBrush.Apply(before, request.Blur, scaleX, scaleY);
        ct.ThrowIfCancellationRequested();

        using var afterPart = Cropped(after, crop, 1, 1);
        using var beforePart = Cropped(before, crop, scaleX, scaleY);
        var code = $"Case {request.Provenance.CaseCode}";
        var layout = CaseLayout.Build([beforePart.Size(), afterPart.Size()], request.CaptionLines, code);
        using var canvas = new Mat(layout.Canvas, MatType.CV_8UC3, ExportRenderer.Stage);
        PanelPixels.Place(beforePart, canvas, layout.Row.Photos[0]);
        PanelPixels.Place(afterPart, canvas, layout.Row.Photos[1]);

        using var image = MagickPixels.FromMat(canvas);
        Captions.Labels(image, layout.Row, [request.BeforeLabel.Trim(), request.AfterLabel.Trim()]);
        Captions.Watermarks(image, layout.Row, request.Watermark);
        layout.DrawText(image, code);
        ct.ThrowIfCancellationRequested();

        using var final = MagickPixels.ToMat(image);
        var jpeg = CaseMetadata.Embed(DerivativeRenderer.EncodeJpeg(final, JpegQuality), request.Provenance);
        var hash = Convert.ToHexStringLower(SHA256.HashData(jpeg));
        return (new RenderedCase(jpeg, final.Width, final.Height, hash), layout);
    }

    /// <summary>The crop (in the after photo's pixels) scaled to this photo; a view of its pixels, to dispose.</summary>
    private static Mat Cropped(Mat image, CaseCrop? crop, double scaleX, double scaleY)
    {
        var bounds = new Rect(0, 0, image.Width, image.Height);
        if (crop is not { } c) return new Mat(image, bounds);
        var left = (int)Math.Round(c.X * scaleX);
        var top = (int)Math.Round(c.Y * scaleY);
        var right = (int)Math.Round((c.X + c.Width) * scaleX);
        var bottom = (int)Math.Round((c.Y + c.Height) * scaleY);
        var rect = new Rect(left, top, Math.Max(1, right - left), Math.Max(1, bottom - top)) & bounds;
        return new Mat(image, rect.Width > 0 && rect.Height > 0 ? rect : bounds);
    }

    private static void Require(string? problem)
    {
        if (problem is not null) throw new ArgumentException(problem, "request");
    }
}
