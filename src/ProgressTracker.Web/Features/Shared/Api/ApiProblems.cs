using Microsoft.AspNetCore.Http.HttpResults;

namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>RFC 9457 problem responses with a detail a person can act on.</summary>
public static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail, string title = "The request is not valid") =>
        TypedResults.Problem(detail, statusCode: 400, title: title);

    public static ProblemHttpResult NotFound(string what, string id) =>
        TypedResults.Problem($"No {what} with id '{id}' exists, or you do not have access to it.",
            statusCode: 404, title: $"{Capitalize(what)} not found");

    public static ProblemHttpResult Forbidden(string detail) =>
        TypedResults.Problem(detail, statusCode: 403, title: "Not allowed");

    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: 409, title: "Conflict");

    public static ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail, statusCode: status, title: title);

    /// <summary>Parses a GUID from a route, so a malformed id gets a 400 that says so instead of a bare 404.</summary>
    public static bool TryParseId(string raw, string what, out Guid id, out ProblemHttpResult? problem)
    {
        problem = Guid.TryParse(raw, out id)
            ? null
            : BadRequest($"'{Truncate(raw)}' is not a valid {what} id; ids are GUIDs such as " +
                         "'0199a3c2-7f1e-7c4a-9d2b-3f5e6a7b8c9d'.", $"Invalid {what} id");
        return problem is null;
    }

    public static ProblemHttpResult ForAccess(Access access, string what, string id, string forbiddenDetail) =>
        access == Access.Forbidden ? Forbidden(forbiddenDetail) : NotFound(what, id);

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
