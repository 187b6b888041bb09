using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// A similarity written about a centre point c: M·x = [A B; −B A]·(x − c) + (U, V). Centring keeps the four
/// parameters on comparable scales, which the Gauss–Newton solve needs to be well conditioned.
/// </summary>
internal readonly record struct SimilarityParameters(double A, double B, double U, double V)
{
    public static SimilarityParameters From(double[] m, Point2d centre)
    {
        double a = (m[0] + m[4]) / 2, b = (m[1] - m[3]) / 2;
        var image = m.Apply(centre);
        return new SimilarityParameters(a, b, image.X, image.Y);
    }

    public double[] ToMatrix(Point2d c) => [A, B, U - A * c.X - B * c.Y, -B, A, V + B * c.X - A * c.Y];
}
