using ProgressTracker.Web.Features.Consents;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// "My consents": the patient's consents with their state and signed PDF; giving a new one (the clinic's current
/// text, the choices, typed name and drawn signature); and withdrawing one with one tap and one confirmation
/// (<c>?withdraw={id}</c> shows the confirmation in place, so it works without scripts).
/// </summary>
public sealed class ConsentsModel(RecordAccess access, ConsentRecords consents, ConsentTexts texts,
    PortalOptions portal) : PortalPageModel(access)
{
    public PortalOptions Portal => portal;
    public IReadOnlyList<ConsentCard> Cards { get; private set; } = [];
    public ConsentText Text { get; private set; } = null!;
    public string TextHtml { get; private set; } = "";
    /// <summary>The consent whose withdrawal the patient is asked to confirm.</summary>
    public Guid? Withdrawing { get; private set; }
    public DateOnly Today => consents.Today;

    [BindProperty] public ConsentForm Form { get; set; } = new();
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(Guid? withdraw, CancellationToken ct)
    {
        Form.ExpiresAt = Today.AddYears(Consent.DefaultMarketingYears);
        await LoadAsync(ct);
        Withdrawing = Cards.FirstOrDefault(c => c.Id == withdraw && c.CanWithdraw)?.Id;
    }

    public async Task<IActionResult> OnPostSignAsync(CancellationToken ct)
    {
        var made = await consents.CreateAsync(Patient, Form.ToRequest(ConsentMethod.OnScreen), User, ct);
        if (made.Failed(out var rejection, out var consent))
        {
            ModelState.AddRejection(rejection);
            await LoadAsync(ct);
            return Page();
        }
        Done = "Thank you. Your consent is active. You can download a copy below, and withdraw it here at any time.";
        return Redirect($"/me/consents#consent-{consent.Id}");
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string consentId, CancellationToken ct)
    {
        if ((await Access.ConsentAsync(consentId, User, ConsentOperation.Revoke, ct)).Failed(out _, out var consent)
            || consent.PatientId != Patient.Id)
            return NotFound();
        await consents.RevokeAsync(consent, User, ct);
        Done = "Your consent is withdrawn. The clinic stops using these photos at once and takes down pictures from the places it controls.";
        return Redirect($"/me/consents#consent-{consent.Id}");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Cards = (await consents.OfPatientAsync(Patient.Id, ct)).Select(c => ConsentCard.From(c, Today)).ToList();
        Text = await texts.CurrentAsync(ct);
        TextHtml = ConsentMarkdown.ToHtml(Text.Markdown);
        Form.TextVersion = Text.Version;
    }
}
