namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/takedowns: the checklist of copies to take down, and marking each one removed.</summary>
public sealed class TakedownsPageModel(Takedowns takedowns) : PageModel
{
    public IReadOnlyList<TakedownDto> Items { get; private set; } = [];
    [BindProperty] public string? Id { get; set; }
    [BindProperty] public string? Note { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Items = await takedowns.ListAsync(null, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if ((await takedowns.MarkDoneAsync(Id ?? "", Note, CurrentUser.Id(User), ct)).Failed(out var rejection, out _))
        {
            ModelState.AddRejection(rejection);
            Items = await takedowns.ListAsync(null, ct);
            return Page();
        }
        return RedirectToPage();
    }
}
