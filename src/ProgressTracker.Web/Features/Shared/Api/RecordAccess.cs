using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>
/// The one load-and-authorize step of endpoints and pages: parse the id, load the record, apply the resource rules
/// of <see cref="PatientAuthorizationHandler"/> to the patient it belongs to, and say no in one way.
/// Someone who may not even view the patient is told "not found" (existence of a medical record is sensitive,
/// docs/decisions/0014); someone who may view it but not do this is told "forbidden" with
/// <paramref name="forbidden"/> — or "not found" as well when the caller passes no such sentence.
/// </summary>
public sealed class RecordAccess(AppDbContext db, IAuthorizationService auth)
{
    public Task<Result<Patient>> PatientAsync(string id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct, string? forbidden = null) =>
        LoadAsync("patient", id, user, operation, forbidden, async key =>
        {
            var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == key, ct);
            return (patient, patient);
        });

    public Task<Result<Visit>> VisitAsync(string id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct, string? forbidden = null) =>
        LoadAsync("visit", id, user, operation, forbidden, async key =>
        {
            var visit = await db.Visits.Include(v => v.Patient).FirstOrDefaultAsync(v => v.Id == key, ct);
            return (visit, visit?.Patient);
        });

    public Task<Result<Photo>> PhotoAsync(string id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct, string? forbidden = null) =>
        LoadAsync("photo", id, user, operation, forbidden, async key =>
        {
            var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == key, ct);
            return (photo, await OwnerAsync(photo?.PatientId, ct));
        });

    /// <summary>Exports are read without tracking: nothing edits them through this path.</summary>
    public Task<Result<Export>> ExportAsync(string id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct, string? forbidden = null) =>
        LoadAsync("export", id, user, operation, forbidden, async key =>
        {
            var export = await db.Exports.AsNoTracking().SingleOrDefaultAsync(e => e.Id == key, ct);
            return (export, await OwnerAsync(export?.PatientId, ct));
        });

    private async Task<Patient?> OwnerAsync(Guid? patientId, CancellationToken ct) =>
        patientId is { } id ? await db.Patients.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) : null;

    private async Task<Result<T>> LoadAsync<T>(string what, string rawId, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, string? forbidden, Func<Guid, Task<(T?, Patient?)>> load)
        where T : class
    {
        if (!Guid.TryParse(rawId, out var id)) return Rejection.InvalidId(what, rawId);
        var (record, owner) = await load(id);
        if (record is null || owner is null) return Rejection.NotFound(what, rawId);
        if ((await auth.AuthorizeAsync(user, owner, operation)).Succeeded) return record;
        var mayView = forbidden is not null && operation != PatientOperations.View
                      && (await auth.AuthorizeAsync(user, owner, PatientOperations.View)).Succeeded;
        return mayView ? Rejection.Forbidden(forbidden!) : Rejection.NotFound(what, rawId);
    }
}
