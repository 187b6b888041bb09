using Microsoft.AspNetCore.Authorization;
using ProgressTracker.Web.Features.Access;

namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>
/// The one load-and-authorize step of endpoints and pages: parse the id, load the record, ask its resource handler
/// (Features/Access) about the typed operation, and say no in one way. Someone who may not even view the record is
/// told "not found" (existence of a medical record is sensitive, docs/decisions/0014); someone who may view it but
/// not do this is told "forbidden" with <c>forbidden</c> — or "not found" as well when the caller passes no such
/// sentence. Every refusal of an existing record is written to the audit trail.
/// </summary>
public sealed class RecordAccess(AppDbContext db, IAuthorizationService auth, IAuditTrail audit)
{
    public Task<Result<Patient>> PatientAsync(string id, ClaimsPrincipal user, PatientOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("patient", id, user, operation, PatientOperation.View, forbidden),
            key => db.Patients.FirstOrDefaultAsync(p => p.Id == key, ct), p => p, p => p.Id);

    /// <summary>
    /// The caller's own patient record (the portal and /me API): a patient account's linked record, checked like any
    /// other; every other caller has none, which is "not found".
    /// </summary>
    public async Task<Result<Patient>> OwnPatientAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var caller = Caller.From(user);
        var found = caller.PatientId is { } own
            ? await PatientAsync(own.ToString(), user, PatientOperation.View, ct)
            : NoOwnRecord;
        // The claim was true at sign-in; the record must still name this account (a relinked record is not theirs).
        return found.Failed(out _, out var patient) || patient.UserId == caller.UserId ? found : NoOwnRecord;
    }

    private static readonly Rejection NoOwnRecord = new(RejectionKind.NotFound, "No patient record",
        "This account is not linked to a patient record; only patients have one here.");

    public Task<Result<Visit>> VisitAsync(string id, ClaimsPrincipal user, VisitOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("visit", id, user, operation, VisitOperation.View, forbidden),
            key => db.Visits.Include(v => v.Patient).FirstOrDefaultAsync(v => v.Id == key, ct), v => v, v => v.PatientId);

    public Task<Result<Photo>> PhotoAsync(string id, ClaimsPrincipal user, PhotoOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("photo", id, user, operation, PhotoOperation.View, forbidden),
            key => db.Photos.FirstOrDefaultAsync(p => p.Id == key, ct), p => p, p => p.PatientId);

    /// <summary>One rendering of a photo: the variant decides (originals are clinicians' only).</summary>
    public Task<Result<Photo>> MediaAsync(string id, MediaVariant variant, ClaimsPrincipal user, CancellationToken ct,
        string? forbidden = null) =>
        LoadAsync(new("photo", id, user, MediaOperation.Read, PhotoOperation.View, forbidden),
            key => db.Photos.AsNoTracking().FirstOrDefaultAsync(p => p.Id == key, ct),
            p => new PhotoMedia(p, variant), p => p.PatientId);

    /// <summary>Exports are read without tracking: nothing edits them through this path.</summary>
    public Task<Result<Export>> ExportAsync(string id, ClaimsPrincipal user, ExportOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("export", id, user, operation, ExportOperation.View, forbidden),
            key => db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == key, ct), e => e, e => e.PatientId);

    public Task<Result<Consent>> ConsentAsync(string id, ClaimsPrincipal user, ConsentOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("consent", id, user, operation, ConsentOperation.View, forbidden),
            key => db.Consents.FirstOrDefaultAsync(c => c.Id == key, ct), c => c, c => c.PatientId);

    public Task<Result<MarketingCase>> CaseAsync(string id, ClaimsPrincipal user, CaseOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("case", id, user, operation, CaseOperation.View, forbidden),
            key => db.MarketingCases.FirstOrDefaultAsync(c => c.Id == key, ct), c => c, c => c.PatientId);

    /// <summary>Galleries belong to no patient; a refusal is audited without one.</summary>
    public Task<Result<Gallery>> GalleryAsync(string id, ClaimsPrincipal user, GalleryOperation operation,
        CancellationToken ct, string? forbidden = null) =>
        LoadAsync(new("gallery", id, user, operation, GalleryOperation.View, forbidden),
            key => db.Galleries.Include(g => g.Items).FirstOrDefaultAsync(g => g.Id == key, ct), g => g, _ => (Guid?)null);

    private sealed record Request(string What, string RawId, ClaimsPrincipal User, ResourceOperation Operation,
        ResourceOperation View, string? Forbidden);

    private async Task<Result<T>> LoadAsync<T>(Request request, Func<Guid, Task<T?>> load,
        Func<T, object> resourceFor, Func<T, Guid?> patientOf) where T : class
    {
        if (!Guid.TryParse(request.RawId, out var id)) return Rejection.InvalidId(request.What, request.RawId);
        var record = await load(id);
        if (record is null) return Rejection.NotFound(request.What, request.RawId);
        if ((await auth.AuthorizeAsync(request.User, resourceFor(record), request.Operation)).Succeeded) return record;

        await audit.RecordAsync(new AuditEvent(AuditActions.AccessDenied, AuditOutcome.Denied, request.What,
            id.ToString(), patientOf(record), request.Operation.ToString()));
        var mayView = request.Forbidden is not null && request.Operation != request.View
                      && (await auth.AuthorizeAsync(request.User, record, request.View)).Succeeded;
        return mayView ? Rejection.Forbidden(request.Forbidden!) : Rejection.NotFound(request.What, request.RawId);
    }
}
