using ProgressTracker.Web.Features.Admin;

namespace ProgressTracker.Web.Features.Invitations;

/// <summary>
/// <c>/invite/{token}</c>, anonymous: the person named in an invitation sets their password. A link that no longer
/// works gets a calm page saying why and what to do, never an error page.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Invitation)]
public sealed class AcceptModel(InvitationAcceptance acceptance, Portal.PortalOptions portal) : PageModel
{
    public Invitation? Invitation { get; private set; }
    /// <summary>A patient's portal invitation: the page speaks to the patient, not to staff.</summary>
    public bool ForPatient { get; private set; }
    public string ClinicName => portal.ClinicName;
    /// <summary>After sign-in, straight to where a passkey can be added.</summary>
    public const string SignInThenPasskey = "/login?returnUrl=%2Faccount%2Fsecurity";
    public Rejection? Gone { get; private set; }
    public string? AcceptedEmail { get; private set; }

    public async Task OnGetAsync(string token, CancellationToken ct) => await FindAsync(token, ct);

    public async Task<IActionResult> OnPostAsync(string token, string? password, string? confirm, CancellationToken ct)
    {
        if (!await FindAsync(token, ct)) return Page();
        if (password != confirm)
        {
            ModelState.AddModelError(string.Empty, "The two passwords are not the same.");
            return Page();
        }
        var accepted = await acceptance.AcceptAsync(new AcceptInvitationRequest(token, password), ct);
        if (!accepted.Failed(out var rejection, out var done)) AcceptedEmail = done.Email;
        else if (rejection.Kind == RejectionKind.Gone) (Gone, Invitation) = (rejection, null);
        else ModelState.AddRejection(rejection);
        return Page();
    }

    private async Task<bool> FindAsync(string token, CancellationToken ct)
    {
        var found = await acceptance.FindOpenAsync(token, ct);
        if (found.Failed(out var gone, out var invitation))
        {
            Gone = gone;
            Response.StatusCode = StatusCodes.Status410Gone;
            return false;
        }
        Invitation = invitation;
        ForPatient = invitation.PatientId is not null;
        return true;
    }
}
