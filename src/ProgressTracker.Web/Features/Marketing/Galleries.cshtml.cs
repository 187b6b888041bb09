namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/galleries: the galleries, and a new one.</summary>
public sealed class GalleriesModel(AppDbContext db, Galleries galleries) : PageModel
{
    public IReadOnlyList<Gallery> All { get; private set; } = [];
    [BindProperty] public string? Title { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var made = await galleries.CreateAsync(Title, CurrentUser.Id(User), ct);
        if (made.Failed(out var rejection, out var gallery))
        {
            ModelState.AddRejection(rejection);
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/marketing/galleries/{gallery.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        All = await db.Galleries.AsNoTracking().Include(g => g.Items).OrderByDescending(g => g.CreatedAt).Take(200).ToListAsync(ct);

    public static string StatusText(Gallery g) => g.Status switch
    {
        GalleryStatus.Draft => g.HasPublicPage ? "Published · changes not yet approved" : "Draft",
        GalleryStatus.AwaitingApproval => "Awaiting approval",
        _ => "Published",
    };
}
