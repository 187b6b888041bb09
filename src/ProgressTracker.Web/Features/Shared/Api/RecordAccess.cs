using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Features.Shared.Api;

public enum Access { Granted, NotFound, Forbidden }

public sealed record Found<T>(Access Access, T? Value) where T : class;

/// <summary>
/// Loads a patient, visit or photo and applies the resource rules of <see cref="PatientAuthorizationHandler"/>.
/// Someone who may not even view the patient is told "not found": for medical records, existence is sensitive.
/// </summary>
public sealed class RecordAccess(AppDbContext db, IAuthorizationService auth)
{
    public async Task<Found<Patient>> PatientAsync(Guid id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var patient = await db.Patients.FirstOrDefaultAsync(p => p.Id == id, ct);
        return new(await CheckAsync(patient, user, operation), patient);
    }

    public async Task<Found<Visit>> VisitAsync(Guid id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var visit = await db.Visits.Include(v => v.Patient).FirstOrDefaultAsync(v => v.Id == id, ct);
        return new(await CheckAsync(visit?.Patient, user, operation), visit);
    }

    public async Task<Found<Photo>> PhotoAsync(Guid id, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation, CancellationToken ct)
    {
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == id, ct);
        var patient = photo is null ? null : await db.Patients.FirstOrDefaultAsync(p => p.Id == photo.PatientId, ct);
        return new(await CheckAsync(patient, user, operation), photo);
    }

    private async Task<Access> CheckAsync(Patient? patient, ClaimsPrincipal user,
        OperationAuthorizationRequirement operation)
    {
        if (patient is null) return Access.NotFound;
        if ((await auth.AuthorizeAsync(user, patient, operation)).Succeeded) return Access.Granted;
        var canView = operation != PatientOperations.View
                      && (await auth.AuthorizeAsync(user, patient, PatientOperations.View)).Succeeded;
        return canView ? Access.Forbidden : Access.NotFound;
    }
}
