using ProgressTracker.Imaging;

namespace ProgressTracker.Web.Features.Photos;

/// <summary>File extension and content type of each accepted original format.</summary>
public static class OriginalFormats
{
    private static readonly Dictionary<ImageFormatKind, (string Extension, string ContentType)> Known = new()
    {
        [ImageFormatKind.Jpeg] = ("jpg", "image/jpeg"),
        [ImageFormatKind.Png] = ("png", "image/png"),
        [ImageFormatKind.WebP] = ("webp", "image/webp"),
        [ImageFormatKind.Heic] = ("heic", "image/heic"),
        [ImageFormatKind.Avif] = ("avif", "image/avif"),
        [ImageFormatKind.Tiff] = ("tif", "image/tiff"),
    };

    public static string Extension(ImageFormatKind format) => Known[format].Extension;

    public static string ContentType(ImageFormatKind format) => Known[format].ContentType;

    public static string ContentTypeOfExtension(string extension) =>
        Known.Values.FirstOrDefault(k => k.Extension == extension).ContentType ?? "application/octet-stream";
}
