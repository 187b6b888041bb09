namespace ProgressTracker.Imaging.Inspection;

internal enum StructureStatus { Complete, Truncated, HeaderDamaged, NoImageData }

/// <summary>Result of walking a file's container structure without decoding any pixels.</summary>
internal readonly record struct StructureCheck(StructureStatus Status, int Width = 0, int Height = 0)
{
    public bool HasDimensions => Width > 0 && Height > 0;

    public static StructureCheck Truncated(int width = 0, int height = 0) => new(StructureStatus.Truncated, width, height);
    public static StructureCheck Damaged => new(StructureStatus.HeaderDamaged);
}
