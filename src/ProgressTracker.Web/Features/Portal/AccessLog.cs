using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>One disclosure of the patient's record as the patient sees it (API.md: at, action, actorRole, photoId).</summary>
public sealed record AccessLogItem(DateTimeOffset At, string Action, string? ActorRole, Guid? PhotoId,
    string? ActorName, string? Detail);

/// <summary>
/// "Who saw my photos": a filtered read of the audit trail. Only disclosures (photos viewed or downloaded, the
/// record opened, exports made and downloaded, archives downloaded) by someone other than the patient, with the
/// role and — when the clinic's settings say so — the staff member's name. Never the IP address.
/// </summary>
public sealed class AccessLog(AppDbContext db, PortalOptions options)
{
    /// <summary>
    /// photo.read (a photo's status and links through the API, which apps poll while processing) is left out: it
    /// shows no image, and the record being opened is already listed as patient.viewed.
    /// </summary>
    public static readonly IReadOnlyList<string> DisclosureActions =
    [
        AuditActions.PatientViewed, AuditActions.PhotoViewed,
        AuditActions.PhotoOriginalDownloaded, AuditActions.PhotoDownloaded, AuditActions.ExportMade, AuditActions.ExportDownloaded,
        AuditActions.ArchiveDownloaded, AuditActions.MarketingPhotoViewed, AuditActions.CaseDownloaded, AuditActions.CasePublished,
    ];

    public async Task<(IReadOnlyList<AccessLogItem> Items, int Total)> PageAsync(Patient patient, int page,
        int pageSize, CancellationToken ct)
    {
        var own = patient.UserId;
        var query = db.AuditEntries.AsNoTracking()
            .Where(e => e.PatientId == patient.Id && e.Outcome == AuditOutcome.Ok && DisclosureActions.Contains(e.Action)
                        && (own == null || e.ActorId == null || e.ActorId != own));
        var total = await query.CountAsync(ct);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var names = await NamesAsync(entries, ct);
        // Roles in the API's spelling (lower case), as in GET /me.
        return (entries.Select(e => new AccessLogItem(e.At, e.Action, e.ActorRole?.ToLowerInvariant(),
            e.ResourceType == "photo" && Guid.TryParse(e.ResourceId, out var photo) ? photo : null,
            e.ActorId is { } actor && names.TryGetValue(actor, out var name) ? name : null,
            e.Detail)).ToList(), total);
    }

    private async Task<Dictionary<Guid, string>> NamesAsync(IReadOnlyList<AuditEntry> entries, CancellationToken ct)
    {
        if (!options.ShowStaffNames) return [];
        var ids = entries.Where(e => e.ActorId is not null).Select(e => e.ActorId!.Value).Distinct().ToList();
        return await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id) && u.Email != null)
            .ToDictionaryAsync(u => u.Id, u => u.Email!, ct);
    }
}

public static class AccessLogEndpoint
{
    /// <summary>Far beyond any real log; keeps the offset arithmetic away from overflow.</summary>
    public const int MaxPage = 100_000;

    public static void MapAccessLogEndpoint(this IEndpointRouteBuilder me) =>
        me.MapGet("/access-log", GetAsync)
            .WithSummary("Who saw my photos: when the patient's photos and record were viewed, exported or downloaded, and by which role.");

    private static async Task<Results<Ok<PagedList<AccessLogItem>>, ProblemHttpResult>> GetAsync(
        RecordAccess access, AccessLog log, ClaimsPrincipal user, CancellationToken ct, int page = 1, int pageSize = 50)
    {
        if (page is < 1 or > MaxPage || pageSize is < 1 or > 200)
            return Rejection.Invalid($"page must be between 1 and {MaxPage} and pageSize between 1 and 200.").ToProblem();
        // Only a patient account has an access log of its own; anyone else has no record here (404).
        if ((await access.OwnPatientAsync(user, ct)).Failed(out var refused, out var patient))
            return refused.ToProblem();
        var (items, total) = await log.PageAsync(patient, page, pageSize, ct);
        return TypedResults.Ok(new PagedList<AccessLogItem>(items, total));
    }
}
