using ImageMagick;
using OpenCvSharp;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>
/// The ImageMagick route: every format it reads (HEIC, AVIF, PNG, WebP, TIFF, and the JPEGs the OpenCV route
/// leaves to it). Colour is normalised in ImageMagick unless a faster conversion gives the same result; the pixels
/// then move to OpenCV, which applies the orientation ImageMagick read (libheif has already applied a HEIC's
/// rotation, and ImageMagick then reports orientation 1, so a HEIC is never turned twice).
/// </summary>
internal static class MagickDecoder
{
    public static Mat Decode(ReadOnlyMemory<byte> original, ImageFormatKind format, ImageLimits limits, CancellationToken ct)
    {
        MagickResourceGuard.Apply(limits);
        using var image = new MagickImage();
        // Cancellation reaches ImageMagick two ways. While it decodes, PNG and TIFF data is fed through a stream
        // that runs dry once the token is cancelled (Magick.NET's Progress event cannot cover a read: the read
        // replaces the native image the handler was attached to). The WebP, HEIC and AVIF coders take the whole
        // buffer up front and decode it in one library call (and ImageMagick's JPEG coder finishes quickly on its
        // own), so for them the token is checked as soon as the read returns. After the read, the Progress event,
        // raised row by row, stops the colour conversion.
        var settings = MagickFormats.ReadSettings(format);
        if (format is ImageFormatKind.Png or ImageFormatKind.Tiff)
        {
            using var stream = new CancellableReadStream(original, ct);
            image.Read(stream, settings);
        }
        else
        {
            image.Read(original.Span, settings);
        }
        ct.ThrowIfCancellationRequested();

        void OnProgress(object? sender, ProgressEventArgs e)
        {
            if (ct.IsCancellationRequested) e.Cancel = true;
        }
        image.Progress += OnProgress;
        try
        {
            var deferred = ColourNormalization.ToOpaqueSrgb(image, allowDeferred: true);
            ct.ThrowIfCancellationRequested();
            var orientation = (int)image.Orientation;

            return ExifOrientation.FinishDecode(PixelExport.ToBgrMat(image), deferred, orientation, ct);
        }
        finally
        {
            image.Progress -= OnProgress;
        }
    }
}
