namespace ProgressTracker.Web.Features.Admin;

/// <summary>Section "Invitations".</summary>
public sealed class InvitationOptions
{
    public const string Section = "Invitations";

    /// <summary>How long an invitation link can be used. Long enough for a weekend, short enough to go stale.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// Address the links start with, e.g. <c>https://photos.clinic.example</c>. Unset: taken from the admin's own
    /// request, which is right unless a proxy rewrites the host.
    /// </summary>
    public string? PublicBaseUrl { get; set; }
}
