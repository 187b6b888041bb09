using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Operations checked against a specific patient's records.</summary>
public static class PatientOperations
{
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };
    /// <summary>Download the untouched original upload (may carry metadata such as GPS): clinicians only.</summary>
    public static readonly OperationAuthorizationRequirement ViewOriginal = new() { Name = nameof(ViewOriginal) };
    /// <summary>Make or download an export, a picture meant to leave the app (a disclosure): clinic staff only.</summary>
    public static readonly OperationAuthorizationRequirement Export = new() { Name = nameof(Export) };
}

/// <summary>
/// Resource-based rules for one patient's records. Staff see everyone; a patient sees only the record linked to
/// their own account. Marketing gets nothing here: it will only ever see consented, de-identified derivatives.
/// </summary>
public sealed class PatientAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, Patient>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, Patient patient)
    {
        var user = context.User;
        var allowed = requirement.Name switch
        {
            nameof(PatientOperations.View) => IsStaff(user) || IsThePatient(user, patient),
            nameof(PatientOperations.Edit) => IsStaff(user),
            nameof(PatientOperations.ViewOriginal) => user.IsInRole(Roles.Clinician),
            nameof(PatientOperations.Export) => IsStaff(user),
            _ => false,
        };
        if (allowed) context.Succeed(requirement);
        return Task.CompletedTask;
    }

    private static bool IsStaff(ClaimsPrincipal user) => user.IsInRole(Roles.Clinician) || user.IsInRole(Roles.Admin);

    private static bool IsThePatient(ClaimsPrincipal user, Patient patient) =>
        user.IsInRole(Roles.Patient)
        && patient.UserId is { } linked
        && Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var me)
        && me == linked;
}
