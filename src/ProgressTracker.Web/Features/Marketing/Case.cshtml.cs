namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/cases/{id}: the rendered picture, its state, download, and the form to change it.</summary>
public sealed class CaseModel(RecordAccess access, MarketingCatalog catalog, MarketingPhotoRefs refs, MarketingCases cases,
    IBlobStore blobs, MarketingOptions options, AppDbContext db) : RecordPageModel<MarketingCase>(access)
{
    public MarketingCase Case => Record;
    [BindProperty] public CaseForm Form { get; set; } = new();
    public CaseEditorView? Editor { get; private set; }
    public IReadOnlyList<string> Galleries { get; private set; } = [];

    protected override Task<Result<MarketingCase>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.CaseAsync(id, User, IsRead(httpMethod) ? CaseOperation.View : CaseOperation.Edit, ct);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Form = CaseForm.From(Case);
        await LoadEditorAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadEditorAsync(ct);
        if (Galleries.Count > 0)
        {
            ModelState.AddModelError("", "This case is in a gallery; remove it from the gallery before changing it.");
            return Page();
        }
        var edited = await cases.EditAsync(Case, Form.ToRequest(null, null), ct);
        if (edited.Failed(out var rejection, out _))
        {
            ModelState.AddRejection(rejection);
            return Page();
        }
        return Redirect($"/marketing/cases/{Case.Id}");
    }

    public string StatusText => Case.Status switch
    {
        CaseStatus.Rendering => "Rendering…",
        CaseStatus.AwaitingPatient when Case.DeclinedAt is not null => "Declined by the patient",
        CaseStatus.AwaitingPatient => "Waiting for the patient to approve this picture",
        CaseStatus.Ready => Case.NeedsPatientApproval ? "Ready · approved by the patient" : "Ready",
        CaseStatus.Withdrawn => "Withdrawn",
        _ => "Could not be rendered",
    };

    private async Task LoadEditorAsync(CancellationToken ct)
    {
        Galleries = await db.GalleryItems.AsNoTracking().Where(i => i.CaseId == Case.Id && i.RemovedAt == null)
            .Join(db.Galleries, i => i.GalleryId, g => g.Id, (i, g) => g.Title).ToListAsync(ct);
        if (Case.IsWithdrawn) return;
        var after = await catalog.FindAsync(Case.AfterPhotoId, ct);
        if (after is null) return;
        Editor = new CaseEditorView(await BrushCanvas.ForAsync(after, refs.For(after.Photo.Id), blobs, ct), Form, options.Disclaimer);
    }
}
