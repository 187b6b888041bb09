using System.Globalization;
using System.Text;
using QRCoder;

namespace ProgressTracker.Web.Features.Auth;

/// <summary>
/// A QR code as one inline SVG path: no script, no style attribute and no external image, so the page's strict
/// Content-Security-Policy allows it as is.
/// </summary>
public static class QrSvg
{
    public static string Render(string text, string label)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix; // includes the quiet zone
        var size = matrix.Count;
        var path = new StringBuilder();
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
                if (matrix[y][x]) path.Append(CultureInfo.InvariantCulture, $"M{x} {y}h1v1h-1z");
        return $"<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" width=\"200\" " +
               $"height=\"200\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" " +
               "shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>" +
               $"<path fill=\"#111\" d=\"{path}\"/></svg>";
    }
}
