namespace ProgressTracker.Imaging.Inspection;

/// <summary>Sentences shown to clinicians; each says what is wrong and, where possible, what to do.</summary>
internal static class RejectionMessages
{
    private const string Accepted = "HEIC, JPEG, PNG, WebP, AVIF and TIFF are accepted";

    public const string Empty = "The file is empty.";

    public static string NotAnImage(string? foreignDescription) =>
        foreignDescription is null
            ? $"{Accepted}; this file is not a recognised image."
            : $"{Accepted}; this file is {foreignDescription}.";

    public static string TooManyBytes(long bytes, long limit)
    {
        var (size, max) = Quantities.Bytes(bytes, limit);
        return $"This file is {size}; the limit is {max}.";
    }

    public static string TooManyPixels(long width, long height, long maxPixels)
    {
        var (pixels, max) = Quantities.Megapixels(width * height, maxPixels);
        return $"This image is {width} × {height} pixels ({pixels} megapixels); the limit is {max} megapixels. " +
               "Please export it at a smaller size.";
    }

    public static string Incomplete(ImageFormatKind format) =>
        $"The {Name(format)} file is incomplete (it may have been cut off during transfer). Please upload it again.";

    public static string HeaderDamaged(ImageFormatKind format) =>
        $"The file looks like {Article(format)} {Name(format)} but its header is damaged.";

    public static string NoImageData(ImageFormatKind format) =>
        $"The {Name(format)} file contains no picture data. Please export the photo again.";

    public static string ImplausiblySmall(ImageFormatKind format, long width, long height, long bytes) =>
        $"The {Name(format)} header says {width} × {height} pixels, but the file holds only {Quantities.Bytes(bytes, bytes).Value}: " +
        "it is damaged or not a real photo. Please export it again.";

    public static string Name(ImageFormatKind format) => format switch
    {
        ImageFormatKind.Jpeg => "JPEG",
        ImageFormatKind.Png => "PNG",
        ImageFormatKind.WebP => "WebP",
        ImageFormatKind.Heic => "HEIC",
        ImageFormatKind.Avif => "AVIF",
        ImageFormatKind.Tiff => "TIFF",
        _ => format.ToString(),
    };

    private static string Article(ImageFormatKind format) =>
        format is ImageFormatKind.Avif or ImageFormatKind.Heic ? "an" : "a";
}
