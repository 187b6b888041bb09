using OpenCvSharp;

namespace ProgressTracker.Imaging.Composition;

/// <summary>Side-by-side and sequence exports: every photo in one row on a dark stage, as one JPEG.</summary>
internal static class CompositeRenderer
{
    /// <summary>Photo height of a side-by-side: the display derivatives' long edge, so nothing is enlarged.</summary>
    public const int SideBySideHeight = DerivativeSpec.DisplayLongEdge;
    public const int SequenceHeight = 960;
    /// <summary>A row of 24 visits stays a picture every viewer and mail client opens comfortably.</summary>
    public const int MaxWidth = 8192;
    public const int JpegQuality = 90;

    public static RenderedExport Render(DecodedComposition request, CancellationToken ct)
    {
        var crops = request.Panels.Select(PanelPixels.Cropped).ToList();
        try
        {
            var ideal = request.Kind == CompositionKind.SideBySide ? SideBySideHeight : SequenceHeight;
            var layout = PanelLayout.Row(crops.Select(c => c.Size()).ToList(), ideal, MaxWidth);
            using var canvas = new Mat(layout.Canvas, MatType.CV_8UC3, ExportRenderer.Stage);
            for (var i = 0; i < crops.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                PanelPixels.Place(crops[i], canvas, layout.Photos[i]);
            }

            using var image = MagickPixels.FromMat(canvas);
            Captions.Draw(image, layout, request.Title, request.Panels.Select(p => p.Label).ToList(), request.Watermark);
            ct.ThrowIfCancellationRequested();
            using var final = MagickPixels.ToMat(image);
            var bytes = DerivativeRenderer.EncodeJpeg(final, JpegQuality);
            return new RenderedExport(bytes, "image/jpeg", "jpg", final.Width, final.Height, 1);
        }
        finally
        {
            foreach (var crop in crops) crop.Dispose();
        }
    }
}
