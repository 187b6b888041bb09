using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Evaluation;

/// <summary>
/// A baseline and a follow-up photo for measuring alignment. <see cref="Truth"/> maps photo pixels onto baseline
/// pixels (the same convention as <see cref="AlignmentResult.Matrix"/>); it is null for pairs that must not be
/// aligned (another view, another person, another framing).
/// </summary>
public sealed class AlignmentPair(string label, Mat baseline, Mat photo, double[]? truth) : IDisposable
{
    public string Label { get; } = label;
    public Mat Baseline { get; } = baseline;
    public Mat Photo { get; } = photo;
    public double[]? Truth { get; } = truth;
    public bool ShouldAlign => Truth is not null;

    public void Dispose()
    {
        Baseline.Dispose();
        Photo.Dispose();
    }

    public override string ToString() => Label;
}
