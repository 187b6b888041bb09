using OpenCvSharp;

namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Per-pixel description of the nearest body surface: depth towards the camera, the horizontal surface
/// normal, where on the body the point is (for clothing and landmarks), plus each part's outline.
/// Pixels the body does not cover have <see cref="Part"/> 0.
/// </summary>
internal sealed class SurfaceMap(int width, int height, double unitX)
{
    public int Width { get; } = width;
    public int Height { get; } = height;

    /// <summary>Pixels per model unit horizontally (and in depth).</summary>
    public double UnitX { get; } = unitX;

    /// <summary>Distance towards the camera, in frame-height units.</summary>
    public float[] Depth { get; } = Enumerable.Repeat(float.NegativeInfinity, width * height).ToArray();

    /// <summary>Unit normal of the cross-section in the image plane: x to the right, z towards the camera.</summary>
    public float[] NormalX { get; } = new float[width * height];
    public float[] NormalZ { get; } = new float[width * height];

    /// <summary>Angle around the body of the visible point: +1 front centre, -1 back centre, 0 the sides.</summary>
    public float[] SinAround { get; } = new float[width * height];

    /// <summary>Sideways position on the body before turning it (0 on the midline).</summary>
    public float[] BodyX { get; } = new float[width * height];

    /// <summary>1-based index of the visible part; 0 for background.</summary>
    public byte[] Part { get; } = new byte[width * height];

    /// <summary>Outline of each part in pixel coordinates, for anti-aliased filling.</summary>
    public List<Point2f[]> Outlines { get; } = [];
}
