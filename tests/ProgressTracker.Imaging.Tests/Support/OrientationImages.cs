using ImageMagick;
using ImageMagick.Drawing;

namespace ProgressTracker.Imaging.Tests.Support;

/// <summary>
/// An upright 120 × 80 test card (red top-left, blue top-right, green bottom-left, grey elsewhere), stored
/// with EXIF orientation N and its pixels turned so that a viewer honouring the tag shows it upright.
/// </summary>
internal static class OrientationImages
{
    public const int Width = 120;
    public const int Height = 80;

    public static MagickImage UprightCard()
    {
        var card = new MagickImage(new MagickColor("#808080"), Width, Height);
        new Drawables()
            .FillColor(new MagickColor("#ff0000")).Rectangle(0, 0, 39, 26)
            .FillColor(new MagickColor("#0000ff")).Rectangle(80, 0, 119, 26)
            .FillColor(new MagickColor("#00ff00")).Rectangle(0, 53, 39, 79)
            .Draw(card);
        return card;
    }

    public static byte[] StoredWithOrientation(int orientation, MagickFormat format = MagickFormat.Jpeg)
    {
        using var stored = UprightCard();
        // Apply the inverse of what the tag tells a viewer to do.
        switch (orientation)
        {
            case 1: break;
            case 2: stored.Flop(); break;
            case 3: stored.Rotate(180); break;
            case 4: stored.Flip(); break;
            case 5: stored.Transpose(); break;
            case 6: stored.Rotate(270); break;
            case 7: stored.Transverse(); break;
            case 8: stored.Rotate(90); break;
            default: throw new ArgumentOutOfRangeException(nameof(orientation));
        }
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.Orientation, (ushort)orientation);
        stored.SetProfile(exif);
        stored.Orientation = (Orientation)orientation;
        stored.Quality = 95;
        return stored.ToByteArray(format);
    }
}
