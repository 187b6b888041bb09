namespace ProgressTracker.Imaging;

/// <summary>
/// The photo could not be turned into a normalised image. <see cref="Exception.Message"/> is a sentence a
/// clinician can read (it is shown on the photo's "Failed" state); technical detail is in the inner exception.
/// </summary>
public sealed class PhotoDecodeException : Exception
{
    public PhotoDecodeException(string message) : base(message) { }

    public PhotoDecodeException(string message, Exception innerException) : base(message, innerException) { }
}
