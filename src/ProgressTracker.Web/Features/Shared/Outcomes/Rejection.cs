namespace ProgressTracker.Web.Features.Shared.Outcomes;

/// <summary>
/// Why an expected request was refused, in words a person can act on. Free of HTTP: handlers and jobs return it,
/// and it is turned into a response in one place each for the API (<see cref="Api.ApiProblems"/>) and for pages
/// (<see cref="Pages.PageRejections"/>).
/// </summary>
public enum RejectionKind
{
    /// <summary>The input is not valid (400).</summary>
    Invalid,
    /// <summary>The credentials were not accepted (401).</summary>
    Unauthenticated,
    /// <summary>Not found, or the caller may not know that it exists (404).</summary>
    NotFound,
    /// <summary>The caller may see the record but not do this (403).</summary>
    Forbidden,
    /// <summary>The record's state does not allow it now: a duplicate, media not ready (409).</summary>
    Conflict,
    /// <summary>It existed but is used up, expired or withdrawn for good: a one-time link (410).</summary>
    Gone,
    /// <summary>The upload is larger than accepted (413).</summary>
    TooLarge,
    /// <summary>The file is not a supported type (415).</summary>
    UnsupportedType,
    /// <summary>The input is well formed but cannot be used: a damaged image, landmarks that do not fit (422).</summary>
    Unprocessable,
}

public sealed record Rejection(RejectionKind Kind, string Title, string Detail)
{
    public static Rejection Invalid(string detail, string title = "The request is not valid") =>
        new(RejectionKind.Invalid, title, detail);

    public static Rejection NotFound(string what, string id) =>
        new(RejectionKind.NotFound, $"{Capitalize(what)} not found",
            $"No {what} with id '{Truncate(id)}' exists, or you do not have access to it.");

    public static Rejection Forbidden(string detail) => new(RejectionKind.Forbidden, "Not allowed", detail);

    public static Rejection Conflict(string detail, string title = "Conflict") =>
        new(RejectionKind.Conflict, title, detail);

    public static Rejection Gone(string detail, string title) => new(RejectionKind.Gone, title, detail);

    public static Rejection Unprocessable(string detail, string title) =>
        new(RejectionKind.Unprocessable, title, detail);

    /// <summary>A route id that is not a GUID gets a 400 that says so instead of a bare 404.</summary>
    public static Rejection InvalidId(string what, string raw) =>
        Invalid($"'{Truncate(raw)}' is not a valid {what} id; ids are GUIDs such as " +
                "'0199a3c2-7f1e-7c4a-9d2b-3f5e6a7b8c9d'.", $"Invalid {what} id");

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..];
    private static string Truncate(string s) => s.Length > 60 ? s[..60] + "…" : s;
}
