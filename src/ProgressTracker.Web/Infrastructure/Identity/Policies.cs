using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Every policy name in one place.</summary>
public static class Policies
{
    /// <summary>Clinic staff who document treatments: clinicians and admins.</summary>
    public const string Staff = nameof(Staff);
    /// <summary>Anyone signed in (patients are then limited to their own records by resource checks).</summary>
    public const string SignedIn = nameof(SignedIn);
    /// <summary>Staff administration, the audit trail and the jobs dashboard.</summary>
    public const string Admin = nameof(Admin);
    /// <summary>The patient portal: a patient account linked to its patient record.</summary>
    public const string Patient = nameof(Patient);
    /// <summary>The marketing workspace: marketing, and the staff who approve what it publishes.</summary>
    public const string Marketing = nameof(Marketing);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.Clinician, Roles.Admin));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireAuthenticatedUser().RequireRole(Roles.Admin));
        // The role alone is not enough: an account whose record link was removed has nothing to show.
        options.AddPolicy(Patient, p => p.RequireAuthenticatedUser().RequireRole(Roles.Patient)
            .RequireClaim(AppClaimTypes.PatientId));
        options.AddPolicy(Marketing, p => p.RequireAuthenticatedUser().RequireRole(Roles.Marketing, Roles.Clinician, Roles.Admin));
    }
}
