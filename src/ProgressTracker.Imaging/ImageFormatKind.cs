namespace ProgressTracker.Imaging;

/// <summary>The photo formats the clinic accepts.</summary>
public enum ImageFormatKind { Jpeg, Png, WebP, Heic, Avif, Tiff }
