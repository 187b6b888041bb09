using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// <c>/patients/{id}/consents</c>, staff: the patient's consents with their PDF, FHIR and scanned form; recording a
/// consent signed on paper (pending until its scan is attached, which makes it active); and recording a withdrawal
/// received in writing, after a confirmation.
/// </summary>
public sealed class PatientConsentsModel(RecordAccess access, TimelineQuery timeline, ConsentRecords consents,
    ConsentTexts texts, IAuditTrail audit) : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    public IReadOnlyList<ConsentCard> Cards { get; private set; } = [];
    public ConsentText Text { get; private set; } = null!;
    public DateOnly Today => consents.Today;

    [BindProperty] public ConsentForm Form { get; set; } = new() { ReviewEachPicture = false };
    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form.ExpiresAt = Today.AddYears(Consent.DefaultMarketingYears);
        await LoadAsync(ct);
        await audit.RecordAsync(AuditEvents.PatientViewed(Patient, "consents page"), ct);
    }

    public async Task<IActionResult> OnPostRecordAsync(CancellationToken ct)
    {
        var made = await consents.CreateAsync(Patient, Form.ToRequest(ConsentMethod.PaperForm), User, ct);
        if (made.Failed(out var rejection, out var consent)) return await RefusedAsync(rejection, ct);
        Done = "Paper consent recorded. Attach the scan of the signed form to make it active.";
        return Redirect($"/patients/{Patient.Id}/consents#consent-{consent.Id}");
    }

    public async Task<IActionResult> OnPostAttachAsync(string consentId, IFormFile? scan, CancellationToken ct)
    {
        if ((await Access.ConsentAsync(consentId, User, ConsentOperation.AttachForm, ct)).Failed(out var refused, out var consent)
            || consent.PatientId != Patient.Id)
            return await RefusedAsync(refused ?? Rejection.NotFound("consent", consentId), ct);
        if (scan is null || scan.Length == 0)
            return await RefusedAsync(Rejection.Invalid("Choose the scan of the signed form (PDF, JPEG or PNG)."), ct);
        await using var content = scan.OpenReadStream();
        var attached = await consents.AttachFormAsync(consent, content, scan.Length, ct);
        if (attached.Failed(out var rejection, out _)) return await RefusedAsync(rejection, ct);
        Done = "Scan attached: the consent is active.";
        return Redirect($"/patients/{Patient.Id}/consents#consent-{consent.Id}");
    }

    public async Task<IActionResult> OnPostRevokeAsync(string consentId, bool confirm, CancellationToken ct)
    {
        if (!confirm)
            return await RefusedAsync(Rejection.Invalid("Tick the box to confirm the patient withdrew this consent in writing."), ct);
        if ((await Access.ConsentAsync(consentId, User, ConsentOperation.Revoke, ct)).Failed(out var refused, out var consent)
            || consent.PatientId != Patient.Id)
            return await RefusedAsync(refused ?? Rejection.NotFound("consent", consentId), ct);
        await consents.RevokeAsync(consent, User, ct);
        Done = "Withdrawal recorded. The consent no longer allows any use, from now on.";
        return Redirect($"/patients/{Patient.Id}/consents#consent-{consent.Id}");
    }

    private async Task<IActionResult> RefusedAsync(Rejection rejection, CancellationToken ct)
    {
        ModelState.AddRejection(rejection);
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        Header = new PatientHeader(data.Patient, new TreatmentCourse(data.Visits), Today, PatientTab.Consents, []);
        Cards = (await consents.OfPatientAsync(Patient.Id, ct)).Select(c => ConsentCard.From(c, Today)).ToList();
        Text = await texts.CurrentAsync(ct);
        Form.TextVersion = Text.Version;
    }
}
