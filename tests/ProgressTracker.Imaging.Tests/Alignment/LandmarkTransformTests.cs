using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;

namespace ProgressTracker.Imaging.Tests.Alignment;

public class LandmarkTransformTests
{
    // Photo → baseline: turned 4°, 1.1× larger, shifted (35, −20).
    private static readonly double[] Truth = Similarity(1.1, 4, 35, -20);

    private static readonly Point2d[] Clicks = [new(400, 600), new(620, 1180), new(380, 1650), new(700, 900)];

    public static TheoryData<int> PairCounts => new() { 2, 3, 4 };

    [Theory]
    [MemberData(nameof(PairCounts))]
    public void Exact_landmarks_give_the_exact_similarity(int count)
    {
        var pairs = Clicks.Take(count).Select(p => (p, Truth.Apply(p))).ToList();

        var matrix = LandmarkTransform.FromLandmarks(pairs);

        for (var i = 0; i < 6; i++) Assert.Equal(Truth[i], matrix[i], 9);
    }

    [Fact]
    public void Noisy_landmarks_are_averaged_by_least_squares()
    {
        // Each click off by up to 3 px, in directions that do not cancel out in pairs.
        Point2d[] noise = [new(3, -2), new(-2, 3), new(-3, -1), new(2, 2)];
        var pairs = Clicks.Select((p, i) => (p, Truth.Apply(p) + noise[i])).ToList();

        var fromTwo = LandmarkTransform.FromLandmarks(pairs.Take(2).ToList());
        var fromFour = LandmarkTransform.FromLandmarks(pairs);

        // The fit passes close to every click and, inside the clicked region, closer to the truth than the clicks.
        foreach (var (photo, baseline) in pairs)
            Assert.InRange(Distance(fromFour.Apply(photo), baseline), 0, 4.5);
        var inside = new Point2d(530, 1080);
        Assert.InRange(Distance(fromFour.Apply(inside), Truth.Apply(inside)), 0, 2);
        // Far from the clicks errors grow, but more clicks keep them smaller.
        var corner = new Point2d(1199, 1599);
        Assert.True(Distance(fromFour.Apply(corner), Truth.Apply(corner)) < Distance(fromTwo.Apply(corner), Truth.Apply(corner)),
            "four clicks should place the far corner better than two");
    }

    public static TheoryData<string, (Point2d, Point2d)[], string> BadInput => new()
    {
        { "no pairs", [], "At least 2 landmark pairs" },
        { "one pair", [(new(10, 10), new(12, 12))], "At least 2 landmark pairs" },
        { "same point twice on the photo", [(new(10, 10), new(12, 12)), (new(10.2, 10.1), new(80, 90))], "same place on the photo" },
        { "same point twice on the baseline", [(new(10, 10), new(12, 12)), (new(100, 200), new(12, 12))], "same place on the baseline" },
        { "not a number", [(new(double.NaN, 10), new(12, 12)), (new(100, 200), new(80, 90))], "not a number" },
        { "ten times smaller", [(new(0, 0), new(0, 0)), (new(1000, 0), new(100, 0))], "0.10× the baseline's size" },
        { "ten times larger", [(new(0, 0), new(0, 0)), (new(100, 0), new(1000, 0))], "10.00× the baseline's size" },
    };

    [Theory]
    [MemberData(nameof(BadInput))]
    public void Bad_input_is_refused_with_a_readable_message(string name, (Point2d, Point2d)[] pairs, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => LandmarkTransform.FromLandmarks(pairs));

        Assert.Contains(expected, error.Message);
        Assert.False(string.IsNullOrWhiteSpace(name));
    }

    private static double[] Similarity(double scale, double degrees, double tx, double ty)
    {
        double c = scale * Math.Cos(degrees * Math.PI / 180), s = scale * Math.Sin(degrees * Math.PI / 180);
        return [c, s, tx, -s, c, ty];
    }

    private static double Distance(Point2d a, Point2d b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Y - b.Y) * (a.Y - b.Y));
}
