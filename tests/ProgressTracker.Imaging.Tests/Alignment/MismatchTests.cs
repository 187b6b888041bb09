using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>
/// Never confidently wrong: a photo of another view, of another person in another view, or framed so differently
/// that a comparison would mislead, must come back as NeedsReview with a low score and a readable reason.
/// </summary>
public class MismatchTests
{
    private static readonly WarpSpec Mild = new(+2, 1.05, +0.03, -0.02, Gain: 1.05, Offset: 5, Noise: 3, BackdropShift: 10);

    public static TheoryData<string> Pairs => new()
    {
        "front vs left-lateral, same person",
        "left-lateral vs front, same person",
        "left-lateral vs right-lateral, same person",
        "front vs back, same person",
        "back vs left-oblique, other person",
        "right-oblique vs front, other person",
        "left-lateral vs right-lateral, other person",
        "right-lateral vs left-oblique, other person",
        "front, 2× close-up of the upper body",
        "left-lateral, cut off at the waist",
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Mismatched_pair_needs_review_with_a_low_score(string name)
    {
        using var pair = Build(name);

        var result = PhotoAligner.Align(pair.Baseline, pair.Photo);

        Assert.True(result.Verdict == AlignmentVerdict.NeedsReview, $"{name}: {result.Verdict}, score {result.Score}");
        Assert.InRange(result.Score, 0, 0.49);
        Assert.NotNull(result.Reason);
        Assert.StartsWith("The photo does not match the baseline: different view or framing?", result.Reason);
    }

    private static AlignmentPair Build(string name) => name switch
    {
        "front vs left-lateral, same person" => SyntheticPairs.OtherView("front", "left-lateral", 31, 31, Mild),
        "left-lateral vs front, same person" => SyntheticPairs.OtherView("left-lateral", "front", 32, 32, Mild),
        "left-lateral vs right-lateral, same person" => SyntheticPairs.OtherView("left-lateral", "right-lateral", 33, 33, Mild),
        "front vs back, same person" => SyntheticPairs.OtherView("front", "back", 34, 34, Mild),
        "back vs left-oblique, other person" => SyntheticPairs.OtherView("back", "left-oblique", 35, 1035, Mild),
        "right-oblique vs front, other person" => SyntheticPairs.OtherView("right-oblique", "front", 36, 1036, Mild),
        "left-lateral vs right-lateral, other person" => SyntheticPairs.OtherView("left-lateral", "right-lateral", 37, 1037, Mild),
        "right-lateral vs left-oblique, other person" => SyntheticPairs.OtherView("right-lateral", "left-oblique", 38, 1038, Mild),
        "front, 2× close-up of the upper body" => SyntheticPairs.OtherFraming("front", 39, closeUp: true),
        "left-lateral, cut off at the waist" => SyntheticPairs.OtherFraming("left-lateral", 40, closeUp: false),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
    };
}
