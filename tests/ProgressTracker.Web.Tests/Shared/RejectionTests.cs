using Microsoft.AspNetCore.Http.HttpResults;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Features.Shared.Outcomes;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Shared;

/// <summary>The one way to say no: every kind of rejection has its own status, and a result is one thing or the other.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class RejectionTests
{
    public static TheoryData<RejectionKind, int> Statuses => new()
    {
        { RejectionKind.Invalid, 400 },
        { RejectionKind.Unauthenticated, 401 },
        { RejectionKind.Forbidden, 403 },
        { RejectionKind.NotFound, 404 },
        { RejectionKind.Conflict, 409 },
        { RejectionKind.Gone, 410 },
        { RejectionKind.TooLarge, 413 },
        { RejectionKind.UnsupportedType, 415 },
        { RejectionKind.Unprocessable, 422 },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Each_kind_becomes_a_problem_with_its_status_title_and_detail(RejectionKind kind, int status)
    {
        var problem = new Rejection(kind, "A title", "What to do about it.").ToProblem();

        Assert.Equal(status, problem.StatusCode);
        Assert.Equal("A title", problem.ProblemDetails.Title);
        Assert.Equal("What to do about it.", problem.ProblemDetails.Detail);
    }

    [Fact]
    public void Every_kind_is_mapped()
    {
        var mapped = Statuses.Select(row => (RejectionKind)row[0]).ToHashSet();
        Assert.Equal(Enum.GetValues<RejectionKind>().ToHashSet(), mapped);
    }

    [Fact]
    public void A_bad_id_is_a_400_that_names_what_it_is_not()
    {
        var rejection = Rejection.InvalidId("photo", "not-a-guid");

        Assert.Equal(400, rejection.ToProblem().StatusCode);
        Assert.Contains("'not-a-guid' is not a valid photo id", rejection.Detail);
    }

    [Fact]
    public void A_result_is_its_value_or_its_rejection()
    {
        Result<string> accepted = "value";
        Result<string> refused = Rejection.NotFound("patient", "42");

        Assert.False(accepted.Failed(out _, out var value));
        Assert.Equal("value", value);
        Assert.True(refused.Failed(out var rejection, out _));
        Assert.Equal(RejectionKind.NotFound, rejection.Kind);
        Assert.Throws<InvalidOperationException>(() => default(Result<string>).Failed(out _, out _));
    }

    [Fact]
    public void A_read_maps_its_value_or_answers_the_problem()
    {
        Result<string> accepted = "value";
        Result<string> refused = Rejection.Forbidden("Only clinic staff can do this.");

        var ok = Assert.IsType<Ok<int>>(accepted.OkOrProblem(s => s.Length).Result);
        Assert.Equal(5, ok.Value);
        Assert.Equal(403, Assert.IsType<ProblemHttpResult>(refused.OkOrProblem(s => s.Length).Result).StatusCode);
    }
}
