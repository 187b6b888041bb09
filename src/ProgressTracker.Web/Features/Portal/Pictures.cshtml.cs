using ProgressTracker.Web.Features.Marketing;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// /me/pictures: pictures the clinic made from the patient's photos for marketing. Those waiting for the patient's
/// word show the exact picture (approval is bound to its SHA-256); published ones say where; withdrawn ones say
/// what was done about them.
/// </summary>
public sealed class PicturesModel(RecordAccess access, PatientCases cases, MarketingCases review) : PortalPageModel(access)
{
    public IReadOnlyList<PatientCaseDto> Cases { get; private set; } = [];
    [BindProperty] public string? CaseId { get; set; }
    [BindProperty] public string? Sha256 { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Cases = await cases.OfPatientAsync(Patient.Id, ct);

    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ReviewAsync(true, ct);
    public Task<IActionResult> OnPostDeclineAsync(CancellationToken ct) => ReviewAsync(false, ct);

    private async Task<IActionResult> ReviewAsync(bool approve, CancellationToken ct)
    {
        var found = await Access.CaseAsync(CaseId ?? "", User, CaseOperation.Review, ct);
        if (found.Failed(out _, out var @case)) return NotFound();
        if ((await review.ReviewAsync(@case, approve, Sha256, ct)).Failed(out var rejection, out _))
        {
            ModelState.AddRejection(rejection);
            Cases = await cases.OfPatientAsync(Patient.Id, ct);
            return Page();
        }
        return RedirectToPage();
    }
}
