using ImageMagick;

namespace ProgressTracker.Imaging.Normalization;

/// <summary>Brings decoded pixels to opaque sRGB so every later step can assume one colour space.</summary>
internal static class ColourNormalization
{
    public static void ToOpaqueSrgb(MagickImage image) => ToOpaqueSrgb(image, allowDeferred: false);

    /// <summary>
    /// With <paramref name="allowDeferred"/>, an opaque RGB image whose profile is a plain matrix/TRC one is left in
    /// its own colour space and the conversion is returned, to be run on the exported pixels (much faster than
    /// ImageMagick's, same result). Otherwise ImageMagick converts and null is returned.
    /// </summary>
    public static SrgbConversion? ToOpaqueSrgb(MagickImage image, bool allowDeferred)
    {
        SrgbConversion? deferred = null;
        var embedded = image.GetColorProfile();
        if (image.ColorSpace == ColorSpace.CMYK)
        {
            // Untagged CMYK is assumed to be US Web Coated (SWOP), the common press default.
            TryTransform(image, embedded ?? ColorProfiles.USWebCoatedSWOP);
        }
        else if (embedded is not null && !IsSrgb(embedded))
        {
            if (allowDeferred && !image.HasAlpha && image.ColorSpace == ColorSpace.sRGB && embedded.ToByteArray() is { } bytes)
                deferred = SrgbConversion.For(bytes);
            if (deferred is null) TryTransform(image, embedded);
        }
        // Untagged RGB is taken as sRGB, as browsers do.

        if (image.HasAlpha)
        {
            // Transparent areas become white rather than whatever colour hides under alpha 0.
            image.BackgroundColor = MagickColors.White;
            image.Alpha(AlphaAction.Remove);
            image.Alpha(AlphaAction.Off);
        }
        if (image.ColorSpace != ColorSpace.sRGB) image.ColorSpace = ColorSpace.sRGB;
        image.Depth = 8;
        return deferred;
    }

    /// <summary>Profiles that describe themselves as sRGB are taken at their word and left alone.</summary>
    public static bool IsSrgb(IColorProfile profile) =>
        profile.Description?.Contains("sRGB", StringComparison.OrdinalIgnoreCase) == true;

    private static void TryTransform(MagickImage image, IColorProfile source)
    {
        try
        {
            image.TransformColorSpace(source, ColorProfiles.SRGB);
        }
        catch (MagickException)
        {
            // A broken embedded profile should not cost the photo; the pixels are kept as they are. (When the
            // work was cancelled instead, the caller's next check of its token ends it.)
        }
    }
}
