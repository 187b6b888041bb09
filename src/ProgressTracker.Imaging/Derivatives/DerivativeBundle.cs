namespace ProgressTracker.Imaging;

/// <summary>
/// Every derivative of one photo, encoded (see <see cref="DerivativeSpec"/>): the full-size master JPEG, and the
/// display (1280 px long edge) and thumb (320 px) sizes as JPEG and WebP. None carries any metadata.
/// </summary>
#pragma warning disable CA1819 // Encoded files are handed over as they are, to be stored.
public sealed record DerivativeBundle(byte[] Master, byte[] DisplayJpeg, byte[] DisplayWebp, byte[] ThumbJpeg, byte[] ThumbWebp);
#pragma warning restore CA1819
