namespace ProgressTracker.Imaging;

/// <summary>
/// Outcome of the upload-time checks; <see cref="RejectionReason"/> is shown to the clinician as is.
/// <see cref="Format"/> is also set on a rejection when the type was recognised (a cut-off JPEG, say).
/// Width and height are as stored in the file, before any EXIF orientation is applied.
/// </summary>
public sealed record InspectionResult(bool Accepted, ImageFormatKind? Format, int Width, int Height, string? RejectionReason)
{
    public static InspectionResult Ok(ImageFormatKind format, int width, int height) =>
        new(true, format, width, height, null);

    public static InspectionResult Reject(string reason, ImageFormatKind? format = null) =>
        new(false, format, 0, 0, reason);
}
