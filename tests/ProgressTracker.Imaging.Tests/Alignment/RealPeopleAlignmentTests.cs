using ProgressTracker.Imaging.Alignment;
using Xunit.Abstractions;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>
/// Real photos in a furnished room, where the backdrop model alone cannot find the body: a pair may be flagged for
/// review, but one called aligned must be right (within 2 px over the body), and the aim is that all are aligned.
/// </summary>
public class RealPeopleAlignmentTests(RealPeoplePairTable table, ITestOutputHelper output) : IClassFixture<RealPeoplePairTable>
{
    [Fact]
    public void No_pair_is_called_aligned_when_it_is_off_by_more_than_2px()
    {
        Print();
        var wrong = table.Outcomes.Where(o => o.Result.Verdict == AlignmentVerdict.Aligned && o.BodyError > 2).ToList();

        Assert.True(wrong.Count == 0, "confidently wrong: " + string.Join("; ", wrong.Select(o => $"{o.Case} {o.BodyError:0.00} px")));
    }

    [Fact]
    public void Every_pair_is_aligned_within_2px()
    {
        Print();
        var missed = table.Outcomes.Where(o => o.Result.Verdict != AlignmentVerdict.Aligned || o.BodyError > 2).ToList();

        Assert.True(missed.Count == 0, $"{missed.Count} of {table.Outcomes.Count} not aligned within 2 px: " +
                                       string.Join("; ", missed.Select(o => $"{o.Case} {o.Result.Verdict} {o.BodyError:0.00} px")));
    }

    private void Print()
    {
        foreach (var o in table.Outcomes)
            output.WriteLine($"{o.Case}: {o.Result.Verdict} score {o.Result.Score:0.000} body error {o.BodyError:0.00} px {o.Result.Reason}");
    }
}
