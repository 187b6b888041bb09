using OpenCvSharp;

namespace ProgressTracker.Web.Tests.Consents;

/// <summary>A drawn-looking signature: a few dark strokes on a transparent 400×120 PNG, as the portal's canvas sends.</summary>
public static class ConsentSignatures
{
    public static byte[] Png()
    {
        using var image = new Mat(120, 400, MatType.CV_8UC4, Scalar.All(0));
        Point[] stroke = [new(20, 90), new(70, 30), new(110, 95), new(160, 40), new(220, 85), new(300, 35), new(380, 70)];
        Cv2.Polylines(image, [stroke], isClosed: false, new Scalar(40, 30, 20, 255), thickness: 4, LineTypes.AntiAlias);
        return image.ImEncode(".png");
    }

    public static string DataUrl() => "data:image/png;base64," + Convert.ToBase64String(Png());
}
