namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// "Download my data" for the signed-in patient: ask for an archive (202 while it is built), follow it, download it.
/// Only a patient account linked to its record has archives; everyone else, and every other patient's archive id,
/// gets 404, so the routes confirm nothing.
/// </summary>
public static class ArchiveEndpoints
{
    public static void MapArchiveEndpoints(this IEndpointRouteBuilder me)
    {
        me.MapPost("/archive", RequestAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .RequireRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Archive)
            .WithSummary("Prepare an archive of my photos and visits; 202 with its progress. While one is being prepared, asking again returns it.");
        me.MapGet("/archive/{id}", GetAsync).WithSummary("One of my archives: status, progress (0–100), and the file link once ready.");
        me.MapGet("/archive/{id}/file", ArchiveFileEndpoint.GetAsync)
            .WithSummary("The archive as a zip attachment (or a redirect to a one-minute link to it); 409 until ready, 410 once expired.");
    }

    private static async Task<Results<Accepted<ArchiveDto>, ProblemHttpResult>> RequestAsync(RecordAccess access,
        ArchiveRequests archives, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.OwnPatientAsync(user, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        var archive = await archives.RequestAsync(patient, CurrentUser.Id(user), ct);
        return TypedResults.Accepted(ArchiveDto.UrlOf(archive.Id), ArchiveDto.From(archive, archives.IsExpired(archive)));
    }

    private static async Task<Results<Ok<ArchiveDto>, ProblemHttpResult>> GetAsync(string id, RecordAccess access,
        ArchiveRequests archives, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.OwnPatientAsync(user, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        return (await archives.OwnAsync(patient, id, ct)).OkOrProblem(a => ArchiveDto.From(a, archives.IsExpired(a)));
    }
}
