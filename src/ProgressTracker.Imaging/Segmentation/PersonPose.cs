using OpenCvSharp;

namespace ProgressTracker.Imaging.Segmentation;

/// <summary>One body landmark in image pixels. Visibility and presence are probabilities (0..1).</summary>
internal readonly record struct PoseLandmark(double X, double Y, double Visibility, double Presence)
{
    public Point2d Point => new(X, Y);
    /// <summary>The model puts every landmark somewhere; only a visible one is a measurement.</summary>
    public bool IsVisible => Visibility >= 0.5 && Presence >= 0.5;
}

/// <summary>
/// The 33 BlazePose landmarks of one person (indices as MediaPipe numbers them; left and right are the person's),
/// and how sure the model is that a person is in its view at all.
/// </summary>
internal sealed record PersonPose(IReadOnlyList<PoseLandmark> Landmarks, double Confidence)
{
    public const int Count = 33;

    public PoseLandmark LeftShoulder => Landmarks[11];
    public PoseLandmark RightShoulder => Landmarks[12];
    public PoseLandmark LeftElbow => Landmarks[13];
    public PoseLandmark RightElbow => Landmarks[14];
    public PoseLandmark LeftWrist => Landmarks[15];
    public PoseLandmark RightWrist => Landmarks[16];
    public PoseLandmark LeftHip => Landmarks[23];
    public PoseLandmark RightHip => Landmarks[24];
    public PoseLandmark LeftKnee => Landmarks[25];
    public PoseLandmark RightKnee => Landmarks[26];
    public PoseLandmark LeftAnkle => Landmarks[27];
    public PoseLandmark RightAnkle => Landmarks[28];
}
