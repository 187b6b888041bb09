namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// The staff screen: accounts with their state, open invitations, and the admin's changes. Every change posts a
/// form (antiforgery checked by Razor Pages), then redirects with a note; a new invitation's link is shown once, in
/// the response to the invite itself, because only its hash is kept.
/// </summary>
public sealed class UsersModel(StaffDirectory directory, Invitations invitations, AccountAdministration accounts)
    : PageModel
{
    /// <summary>Roles an admin can give here; patient accounts come from the patient's record.</summary>
    public static readonly IReadOnlyList<string> StaffRoles = [Roles.Clinician, Roles.Admin, Roles.Marketing];

    public IReadOnlyList<AccountDto> Accounts { get; private set; } = [];
    public IReadOnlyList<Invitation> OpenInvitations { get; private set; } = [];
    public Guid? Me { get; private set; }
    public InvitationDto? NewInvitation { get; private set; }
    public InviteRequest InviteForm { get; private set; } = new(null, Roles.Clinician);

    [TempData] public string? Done { get; set; }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(string? email, string? role, CancellationToken ct)
    {
        InviteForm = new InviteRequest(email, role);
        var made = await invitations.CreateAsync(InviteForm, CurrentUser.Id(User), ct);
        if (made.Failed(out var rejection, out var created)) ModelState.AddRejection(rejection);
        else
        {
            var i = created.Invitation;
            NewInvitation = new InvitationDto(i.Id, i.Email, i.Role, invitations.LinkFor(created.Token, Request), i.ExpiresAt);
            InviteForm = new InviteRequest(null, role);
        }
        await LoadAsync(ct);
        return Page();
    }

    public Task<IActionResult> OnPostWithdrawAsync(string id, CancellationToken ct) =>
        AfterAsync(invitations.WithdrawAsync(id, ct), "Invitation withdrawn; its link no longer works.", ct);

    public Task<IActionResult> OnPostRoleAsync(string id, string? role, CancellationToken ct) =>
        AfterAsync(accounts.ChangeRolesAsync(id, role is null ? [] : [role], User, ct),
            $"Role changed to {role}. The account's open sessions end within 30 seconds; it signs in again.", ct);

    public Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken ct) =>
        AfterAsync(accounts.DeactivateAsync(id, User, ct),
            "Account deactivated. Its sessions and tokens stop working within 30 seconds.", ct);

    public Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken ct) =>
        AfterAsync(accounts.ReactivateAsync(id, ct), "Account reactivated; it can sign in again.", ct);

    public Task<IActionResult> OnPostResetSecondFactorAsync(string id, CancellationToken ct) =>
        AfterAsync(accounts.ResetSecondFactorAsync(id, ct),
            "Second factor reset. The person sets up a new one at their next sign-in.", ct);

    /// <summary>The staff roles, plus the account's own if it is another (a patient keeps "Patient").</summary>
    public static IEnumerable<string> RoleOptions(string? current) =>
        current is null || StaffRoles.Contains(current) ? StaffRoles : StaffRoles.Append(current);

    public static string RoleLabel(IReadOnlyList<string> roles) =>
        roles.Count == 0 ? "No role" : string.Join(", ", roles.Select(r => Roles.Normalize(r) ?? r));

    private async Task<IActionResult> AfterAsync(Task<Rejection?> change, string done, CancellationToken ct)
    {
        if (await change is { } rejection)
        {
            ModelState.AddRejection(rejection);
            await LoadAsync(ct);
            return Page();
        }
        Done = done;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Me = CurrentUser.Id(User);
        Accounts = (await directory.ListAsync(ct)).Items;
        OpenInvitations = await invitations.ListOpenAsync(ct);
    }
}
