namespace ProgressTracker.Web.Infrastructure.Identity;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Clinician = "Clinician";
    public const string Patient = "Patient";
    public const string Marketing = "Marketing";

    public static readonly IReadOnlyList<string> All = [Admin, Clinician, Patient, Marketing];

    /// <summary>Matches a role name case-insensitively ("clinician" → "Clinician").</summary>
    public static string? Normalize(string? name) =>
        All.FirstOrDefault(r => string.Equals(r, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
