using ProgressTracker.Imaging.Measurement;

namespace ProgressTracker.Imaging.Tests.Measurement;

/// <summary>The dip's geometry on curves whose answer is known on paper.</summary>
public sealed class ConvexityDefectTests
{
    [Theory]
    [InlineData(20.0, 100.0)]
    [InlineData(5.0, 60.0)]
    public void A_circular_dent_in_a_straight_outline_has_its_sagitta_as_depth_and_its_segment_as_area(double depth, double chord)
    {
        // A circle cuts a dent of the given depth (sagitta) and width (chord) into the straight outline Out = 0.
        var radius = (chord * chord / 4 + depth * depth) / (2 * depth);
        var points = Enumerable.Range(0, 2001).Select(i => i * 0.1).Select(y =>
        {
            var u = y - 100; // dent centred on row 100
            var inside = Math.Abs(u) < chord / 2;
            var dent = inside ? Math.Sqrt(radius * radius - u * u) - (radius - depth) : 0;
            return new ContourPoint(y, -dent);
        }).ToList();

        var defect = ConvexityDefect.Of(points);

        Assert.Equal(depth, defect.Depth, 2);
        var theta = 2 * Math.Asin(chord / (2 * radius));
        var segment = radius * radius / 2 * (theta - Math.Sin(theta));
        Assert.Equal(segment, defect.Area, segment * 0.002);
        Assert.Equal(100, defect.Deepest.Y, 0.2);
        Assert.True(defect.Upper.Y <= 100 - chord / 2 + 0.1 && defect.Lower.Y >= 100 + chord / 2 - 0.1);
    }

    [Fact]
    public void Depth_is_perpendicular_to_the_bridge_so_a_tilted_photo_gives_the_same_answer()
    {
        // A V notch 10 deep between two bulges, then the same outline turned by 20°.
        List<ContourPoint> Notch(double degrees)
        {
            var a = degrees * Math.PI / 180;
            var raw = new List<(double Y, double Out)>();
            for (var y = 0.0; y <= 200; y += 0.05) raw.Add((y, -Math.Max(0, 10 - Math.Abs(y - 100) / 5)));
            // Turning a curve that stays a function of the row (a small tilt) keeps it one point per row after resampling.
            var turned = raw.Select(p => (Y: p.Y * Math.Cos(a) - p.Out * Math.Sin(a), Out: p.Y * Math.Sin(a) + p.Out * Math.Cos(a)))
                .OrderBy(p => p.Y).ToList();
            return turned.Select(p => new ContourPoint(p.Y, p.Out)).ToList();
        }

        Assert.Equal(10, ConvexityDefect.Of(Notch(0)).Depth, 2);
        Assert.Equal(10, ConvexityDefect.Of(Notch(20)).Depth, 1);
        Assert.Equal(500, ConvexityDefect.Of(Notch(0)).Area, 1); // triangle: 100 wide, 10 deep
    }

    [Fact]
    public void An_outline_that_bulges_everywhere_has_no_dip()
    {
        var points = Enumerable.Range(0, 200).Select(y => new ContourPoint(y, 50 - Math.Pow((y - 100) / 10.0, 2))).ToList();
        Assert.Equal(0, ConvexityDefect.Of(points).Depth, 6);
    }

    [Fact]
    public void Two_dents_are_reported_separately_and_the_deeper_one_is_the_dip()
    {
        // On a gently bulging outline (a straight stretch between them would merge both under one hull edge).
        var points = Enumerable.Range(0, 300).Select(y => new ContourPoint(y, 20 - Math.Pow((y - 150) / 60.0, 2)
            - Math.Max(0, 4 - Math.Abs(y - 80) / 4.0) - Math.Max(0, 7 - Math.Abs(y - 200) / 4.0))).ToList();

        var all = ConvexityDefect.All(points);

        Assert.Equal(2, all.Count(d => d.Depth > 1));
        Assert.Equal(7, ConvexityDefect.Of(points).Depth, 0.3);
        Assert.Equal(200, ConvexityDefect.Of(points).Deepest.Y, 1.0);
    }
}
