namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/cases/new?before=…&amp;after=…: the chosen pair, and the case form.</summary>
public sealed class NewCaseModel(MarketingCatalog catalog, MarketingPhotoRefs refs, MarketingCases cases, IBlobStore blobs,
    MarketingOptions options) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Before { get; set; }
    [BindProperty(SupportsGet = true)] public string? After { get; set; }
    [BindProperty] public CaseForm Form { get; set; } = new();

    public string? BeforeImage { get; private set; }
    public CaseEditorView? Editor { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await LoadAsync(ct) ? Page() : RedirectToPage("/Marketing/Index");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return RedirectToPage("/Marketing/Index");
        var made = await cases.CreateAsync(Form.ToRequest(Before, After), CurrentUser.Id(User), ct);
        if (made.Failed(out var rejection, out var @case))
        {
            ModelState.AddRejection(rejection);
            return Page();
        }
        return Redirect($"/marketing/cases/{@case.Id}");
    }

    /// <summary>Both references must still name photos marketing may use; otherwise back to the list.</summary>
    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var after = refs.Resolve(After) is { } a ? await catalog.FindAsync(a, ct) : null;
        if (refs.Resolve(Before) is null || after is null) return false;
        BeforeImage = $"/api/v1/marketing/photos/{Before}/display";
        Editor = new CaseEditorView(await BrushCanvas.ForAsync(after, After!, blobs, ct), Form, options.Disclaimer);
        return true;
    }
}
