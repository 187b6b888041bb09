using ProgressTracker.Web.Features.Patients;
namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// A case as its patient sees it in the portal: the picture, whether it waits for their approval, where it is
/// published, and after a withdrawal what was done about it (pages emptied, copies taken down).
/// </summary>
public sealed record PatientCaseDto(Guid Id, string Code, string Status, string? ImageUrl, string? ImageSha256,
    bool AwaitingApproval, bool Declined, DateTimeOffset? ApprovedAt, IReadOnlyList<string> PublishedIn,
    DateTimeOffset? WithdrawnAt, string? WithdrawnReason, int CopiesToTakeDown, int CopiesTakenDown);

public sealed class PatientCases(AppDbContext db)
{
    public async Task<IReadOnlyList<PatientCaseDto>> OfPatientAsync(Guid patientId, CancellationToken ct)
    {
        var cases = await db.MarketingCases.AsNoTracking()
            .Where(c => c.PatientId == patientId && c.Status != CaseStatus.Rendering && c.Status != CaseStatus.Failed)
            .OrderByDescending(c => c.CreatedAt).ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var galleries = await db.GalleryItems.AsNoTracking().Where(i => ids.Contains(i.CaseId) && i.RemovedAt == null)
            .Join(db.Galleries.AsNoTracking(), i => i.GalleryId, g => g.Id, (i, g) => new { i.CaseId, i.AddedAt, g.Title, g.ApprovedAt })
            .ToListAsync(ct);
        var copies = await db.CaseCopies.AsNoTracking().Where(c => ids.Contains(c.CaseId) && c.TakedownRequestedAt != null)
            .Select(c => new { c.CaseId, Done = c.RemovedAt != null }).ToListAsync(ct);
        return cases.Select(c => new PatientCaseDto(c.Id, c.Code, EnumNames.ToKebab(c.Status),
            c.ImageKey is not null && !c.IsWithdrawn ? $"/api/v1/me/cases/{c.Id}/image?r={c.Revision}" : null, c.ImageSha256,
            c.Status == CaseStatus.AwaitingPatient && c.DeclinedAt is null, c.DeclinedAt is not null && c.Status == CaseStatus.AwaitingPatient,
            c.IsApprovedByPatient ? c.ApprovedAt : null,
            galleries.Where(g => g.CaseId == c.Id && g.ApprovedAt is { } a && g.AddedAt <= a).Select(g => g.Title).Distinct().ToList(),
            c.WithdrawnAt, c.WithdrawnReason,
            copies.Count(x => x.CaseId == c.Id), copies.Count(x => x.CaseId == c.Id && x.Done))).ToList();
    }
}

/// <summary>/api/v1/me/cases: the patient's own cases, their picture, and their approval of the exact picture.</summary>
public static class PatientCaseEndpoints
{
    public sealed record ReviewRequest(string? Sha256);

    public static void MapPatientCaseEndpoints(this IEndpointRouteBuilder me)
    {
        me.MapGet("/cases", ListAsync).WithSummary("Pictures the clinic made of the patient's photos for marketing, and what became of them.");
        me.MapGet("/cases/{id}/image", ImageAsync).WithSummary("The picture the patient is asked to approve.");
        me.MapPost("/cases/{id}/approve", ApproveAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Approve exactly this picture (its sha256); any later change needs a new approval.");
        me.MapPost("/cases/{id}/decline", DeclineAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Decline the picture: it cannot be published.");
    }

    private static async Task<Results<Ok<PagedList<PatientCaseDto>>, ProblemHttpResult>> ListAsync(RecordAccess access,
        PatientCases cases, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.OwnPatientAsync(user, ct)).Failed(out var refused, out var patient)) return refused.ToProblem();
        var items = await cases.OfPatientAsync(patient.Id, ct);
        return TypedResults.Ok(new PagedList<PatientCaseDto>(items, items.Count));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> ImageAsync(string id, RecordAccess access,
        CaseImages images, ClaimsPrincipal user, CancellationToken ct) =>
        (await access.CaseAsync(id, user, CaseOperation.Review, ct)).Failed(out var refused, out var found)
            ? refused.ToProblem()
            : await images.ServeAsync(found, user, download: false, ct);

    private static Task<Results<Ok<PatientCaseDto>, ProblemHttpResult>> ApproveAsync(string id, ReviewRequest body,
        RecordAccess access, MarketingCases cases, PatientCases mine, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(id, approve: true, body.Sha256, access, cases, mine, user, ct);

    private static Task<Results<Ok<PatientCaseDto>, ProblemHttpResult>> DeclineAsync(string id, RecordAccess access,
        MarketingCases cases, PatientCases mine, ClaimsPrincipal user, CancellationToken ct) =>
        ReviewAsync(id, approve: false, null, access, cases, mine, user, ct);

    private static async Task<Results<Ok<PatientCaseDto>, ProblemHttpResult>> ReviewAsync(string id, bool approve, string? sha256,
        RecordAccess access, MarketingCases cases, PatientCases mine, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.CaseAsync(id, user, CaseOperation.Review, ct)).Failed(out var refused, out var found))
            return refused.ToProblem();
        if ((await cases.ReviewAsync(found, approve, sha256, ct)).Failed(out var rejection, out var reviewed))
            return rejection.ToProblem();
        return TypedResults.Ok((await mine.OfPatientAsync(reviewed.PatientId, ct)).Single(c => c.Id == reviewed.Id));
    }
}

/// <summary>What a withdrawal of one consent set in motion, for the patient's consent card.</summary>
public sealed record WithdrawalOutcome(int CasesWithdrawn, int GalleryItemsRemoved, int CopiesToTakeDown, int CopiesTakenDown);

public sealed class WithdrawalOutcomes(AppDbContext db)
{
    public async Task<WithdrawalOutcome> ForConsentAsync(Guid patientId, Guid consentId, CancellationToken ct)
    {
        var cases = (await db.MarketingCases.AsNoTracking().Where(c => c.PatientId == patientId && c.Status == CaseStatus.Withdrawn)
            .ToListAsync(ct)).Where(c => c.ConsentIds.Contains(consentId)).Select(c => c.Id).ToList();
        var items = await db.GalleryItems.AsNoTracking().CountAsync(i => cases.Contains(i.CaseId) && i.RemovedAt != null, ct);
        var copies = await db.CaseCopies.AsNoTracking().Where(c => cases.Contains(c.CaseId) && c.TakedownRequestedAt != null)
            .Select(c => c.RemovedAt != null).ToListAsync(ct);
        return new WithdrawalOutcome(cases.Count, items, copies.Count, copies.Count(done => done));
    }
}
