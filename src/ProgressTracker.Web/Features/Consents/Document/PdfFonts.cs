using PdfSharp.Fonts;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Consents.Document;

/// <summary>
/// PDFsharp finds no system fonts on Linux, so every face it asks for is the DejaVu Sans the imaging library already
/// embeds for captions: the PDF looks the same on every machine. Bold is simulated (there is one face).
/// </summary>
public sealed class PdfFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";
    private const string Face = "DejaVuSans";

    private static readonly Lazy<byte[]> FontBytes = new(EmbeddedFont.Bytes, LazyThreadSafetyMode.ExecutionAndPublication);
    private static readonly object Gate = new();
    private static bool _installed;

    /// <summary>
    /// Installs the resolver once per process. PDFsharp keeps it in a static and refuses a second one, so parallel
    /// requests (and test hosts) must not race to set it.
    /// </summary>
    public static void EnsureInstalled()
    {
        if (Volatile.Read(ref _installed)) return;
        lock (Gate)
        {
            if (_installed) return;
            if (GlobalFontSettings.FontResolver is not PdfFonts) GlobalFontSettings.FontResolver = new PdfFonts();
            Volatile.Write(ref _installed, true);
        }
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(Face, mustSimulateBold: bold, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName) => FontBytes.Value;
}
