using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>
/// Corner error: each corner of the photo mapped by the found matrix and by the true one (the inverse of the warp
/// applied), distance in baseline pixels at a 1280-pixel long edge. Targets: mean ≤ 1 px, 95th percentile ≤ 2 px.
/// </summary>
public class AlignmentAccuracyTests(MatchedPairTable table) : IClassFixture<MatchedPairTable>
{
    public static TheoryData<int> Indices()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < MatchedPairTable.Cases.Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Indices))]
    public void Each_matched_pair_is_aligned_within_two_pixels(int index)
    {
        var outcome = table.Outcomes[index];

        Assert.True(outcome.Result.Verdict == AlignmentVerdict.Aligned,
            $"{outcome.Case}: {outcome.Result.Verdict} (score {outcome.Result.Score}): {outcome.Result.Reason}");
        Assert.InRange(outcome.Result.Score, AlignmentScore.Threshold, 1.0);
        Assert.True(outcome.CornerErrors.Max() <= 2.0, $"{outcome.Case}: corner errors {Format(outcome.CornerErrors)} px");
    }

    [Fact]
    public void Over_the_table_mean_is_at_most_1px_and_p95_at_most_2px()
    {
        var errors = table.Outcomes.SelectMany(o => o.CornerErrors).ToList();

        Assert.Equal(MatchedPairTable.Cases.Count * 4, errors.Count);
        Assert.True(errors.Average() <= 1.0, $"mean corner error {errors.Average():0.000} px");
        Assert.True(CornerError.Percentile(errors, 0.95) <= 2.0, $"p95 corner error {CornerError.Percentile(errors, 0.95):0.000} px");
    }

    [Theory]
    [InlineData("front")]
    [InlineData("back")]
    [InlineData("left-lateral")]
    [InlineData("right-lateral")]
    [InlineData("left-oblique")]
    [InlineData("right-oblique")]
    public void Every_view_meets_the_targets_on_its_own(string view)
    {
        var errors = table.Outcomes.Where(o => o.Case.View == view).SelectMany(o => o.CornerErrors).ToList();

        Assert.Equal(12, errors.Count);
        Assert.True(errors.Average() <= 1.0, $"{view}: mean corner error {errors.Average():0.000} px");
        Assert.True(errors.Max() <= 2.0, $"{view}: worst corner error {errors.Max():0.000} px");
    }

    [Fact]
    public void Result_names_the_method_and_gives_no_reason_when_aligned()
    {
        var outcome = table.Outcomes[0];

        Assert.Equal(PhotoAligner.Method, outcome.Result.Method);
        Assert.Null(outcome.Result.Reason);
        Assert.Equal(6, outcome.Result.Matrix.Length);
    }

    private static string Format(double[] errors) => string.Join(", ", errors.Select(e => e.ToString("0.00")));
}
