using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.PortalAccess;

/// <summary>
/// <c>/patients/{id}/portal</c>, staff: whether the patient has portal access; invite (link, QR code, e-mail),
/// withdraw, revoke and restore; and the patient's deletion requests with the clinic's decision.
/// </summary>
public sealed class PortalModel(RecordAccess access, TimelineQuery timeline, PortalAccounts portal,
    PortalInviter inviter, Admin.Invitations invitations, DeletionRequests deletions, TimeProvider clock,
    IAuditTrail audit) : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    public PortalAccessState State { get; private set; } = null!;
    public IReadOnlyList<DeletionRequest> Requests { get; private set; } = [];
    /// <summary>Set only in the answer to the invitation itself: the link is not kept, so it is shown once.</summary>
    public PatientInvitation? NewInvitation { get; private set; }
    public string? QrCode { get; private set; }
    public string? EmailForm { get; private set; }

    [TempData] public string? Done { get; set; }

    public static string StatusText(DeletionRequestStatus status) => status switch
    {
        DeletionRequestStatus.Open => "Waiting for a decision",
        DeletionRequestStatus.AccountClosed => "Account closed",
        _ => "Declined",
    };

    /// <summary>Every part of this page is staff-only, reading included (account e-mail, deletion requests).</summary>
    protected override PatientOperation OperationFor(string httpMethod) => PatientOperation.Invite;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, "portal access page"), ct);
        return Page();
    }

    public async Task<IActionResult> OnPostInviteAsync(string? email, CancellationToken ct)
    {
        var made = await inviter.InviteAsync(Patient, email, User, Request, ct);
        if (made.Failed(out var rejection, out var invitation))
        {
            ModelState.AddRejection(rejection);
            EmailForm = email;
        }
        else
        {
            NewInvitation = invitation;
            QrCode = Auth.QrSvg.Render(invitation.Url, "QR code for the patient to scan");
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(string invitationId, CancellationToken ct) =>
        AfterAsync(invitations.WithdrawAsync(invitationId, ct, Patient.Id), "The invitation was withdrawn; its link no longer works.", ct);

    public Task<IActionResult> OnPostRevokeAsync(bool confirm, CancellationToken ct) =>
        AfterAsync(confirm ? portal.RevokeAsync(Patient, User, ct) : Task.FromResult<Rejection?>(NotConfirmed),
            "Portal access revoked. The patient's sessions end within a minute; the records are unchanged.", ct);

    private static readonly Rejection NotConfirmed =
        Rejection.Invalid("Tick the box to confirm that the patient's portal access ends.", "Not confirmed");

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        AfterAsync(portal.RestoreAsync(Patient, User, ct), "Portal access restored; the patient can sign in again.", ct);

    public Task<IActionResult> OnPostDecideAsync(string requestId, string? outcome, string? reason, CancellationToken ct) =>
        AfterAsync(deletions.DecideAsync(Patient, requestId, outcome, reason, User, ct),
            "Decision recorded; the patient sees it with your reason.", ct);

    /// <summary>A change that worked redirects (so a reload does not repeat it); one that did not says why.</summary>
    private async Task<IActionResult> AfterAsync(Task<Rejection?> change, string done, CancellationToken ct)
    {
        if (await change is { } rejection)
        {
            ModelState.AddRejection(rejection);
            await LoadAsync(ct);
            return Page();
        }
        Done = done;
        return Redirect($"/patients/{Patient.Id}/portal");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        Header = new PatientHeader(data.Patient, new TreatmentCourse(data.Visits),
            DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), PatientTab.Portal, []);
        State = await portal.StateAsync(Patient, ct);
        Requests = await deletions.OfPatientAsync(Patient.Id, ct);
        EmailForm ??= State.OpenInvitation?.Email;
    }
}
