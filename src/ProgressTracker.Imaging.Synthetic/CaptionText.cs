using System.Text;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// OpenCV's Hershey fonts cover printable ASCII only; anything else is drawn as "?" per UTF-8 byte. Captions
/// such as "PT-0001 · 2025-03-14" or a patient's "Zoë" are therefore folded to their closest ASCII spelling.
/// </summary>
internal static class CaptionText
{
    // U+00C0..U+00FF folded to ASCII, one character each.
    private const string Latin1Letters = "AAAAAAACEEEEIIIIDNOOOOOxOUUUUYTsaaaaaaaceeeeiiiidnooooo/ouuuuyty";

    public static string ToAscii(string text)
    {
        var ascii = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            ascii.Append(c switch
            {
                >= ' ' and <= '~' => c.ToString(),
                >= '\u00C0' and <= '\u00FF' => Latin1Letters[c - '\u00C0'].ToString(),
                '·' or '•' or '–' or '—' or '‒' or '−' => "-",
                '‘' or '’' => "'",
                '“' or '”' => "\"",
                '…' => "...",
                '\u00A0' or '\t' => " ",
                _ => "?",
            });
        }
        return ascii.ToString();
    }
}
