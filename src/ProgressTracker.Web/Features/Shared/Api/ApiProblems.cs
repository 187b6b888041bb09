namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>The API's one mapping from a <see cref="Rejection"/> to an RFC 9457 problem response.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult ToProblem(this Rejection rejection) =>
        TypedResults.Problem(rejection.Detail, statusCode: StatusOf(rejection.Kind), title: rejection.Title);

    /// <summary>A read: the record shaped by <paramref name="map"/>, or the problem that refused it.</summary>
    public static Results<Ok<TDto>, ProblemHttpResult> OkOrProblem<T, TDto>(this Result<T> result, Func<T, TDto> map)
        where T : class =>
        result.Failed(out var rejection, out var value) ? rejection.ToProblem() : TypedResults.Ok(map(value));

    public static int StatusOf(RejectionKind kind) => kind switch
    {
        RejectionKind.Invalid => StatusCodes.Status400BadRequest,
        RejectionKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        RejectionKind.Forbidden => StatusCodes.Status403Forbidden,
        RejectionKind.NotFound => StatusCodes.Status404NotFound,
        RejectionKind.Conflict => StatusCodes.Status409Conflict,
        RejectionKind.Gone => StatusCodes.Status410Gone,
        RejectionKind.TooLarge => StatusCodes.Status413PayloadTooLarge,
        RejectionKind.UnsupportedType => StatusCodes.Status415UnsupportedMediaType,
        RejectionKind.Unprocessable => StatusCodes.Status422UnprocessableEntity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
