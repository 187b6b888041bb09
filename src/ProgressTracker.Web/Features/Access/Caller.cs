namespace ProgressTracker.Web.Features.Access;

/// <summary>
/// Who is asking, read once from the signed-in principal: the account, its roles, and for a patient account the
/// patient record it is linked to (a claim added at sign-in by <see cref="AppClaimsPrincipalFactory"/>).
/// </summary>
public sealed record Caller(Guid? UserId, bool IsAdmin, bool IsClinician, bool IsPatient, bool IsMarketing, Guid? PatientId)
{
    /// <summary>Clinic staff who document treatments and see every patient: clinicians and admins.</summary>
    public bool IsStaff => IsAdmin || IsClinician;

    /// <summary>
    /// The marketing workspace (consented, de-identified renderings only): marketing, and staff, who approve its
    /// galleries. Nothing clinical is reachable through it.
    /// </summary>
    public bool MayUseMarketing => IsMarketing || IsStaff;

    public static Caller From(ClaimsPrincipal user) => new(
        CurrentUser.Id(user),
        user.IsInRole(Roles.Admin),
        user.IsInRole(Roles.Clinician),
        user.IsInRole(Roles.Patient),
        user.IsInRole(Roles.Marketing),
        Guid.TryParse(user.FindFirstValue(AppClaimTypes.PatientId), out var patient) ? patient : null);

    /// <summary>
    /// Whose clinical records this caller may read: staff every patient's, a patient only their own, anyone else
    /// none. Both the per-record handlers and the list filters ask this, so a list never shows what a direct
    /// read would refuse.
    /// </summary>
    public PatientScope ReadablePatients =>
        IsStaff ? PatientScope.All
        : IsPatient && PatientId is { } own ? PatientScope.Only(own)
        : PatientScope.None;
}

/// <summary>A set of patients: all, exactly one, or none.</summary>
public sealed record PatientScope(bool AllPatients, Guid? OnlyPatient)
{
    public static readonly PatientScope All = new(true, null);
    public static readonly PatientScope None = new(false, null);
    public static PatientScope Only(Guid patientId) => new(false, patientId);

    public bool Includes(Guid patientId) => AllPatients || OnlyPatient == patientId;
}

/// <summary>Claim types of our own.</summary>
public static class AppClaimTypes
{
    /// <summary>The patient record a patient account is linked to.</summary>
    public const string PatientId = "pt:patient";
}
