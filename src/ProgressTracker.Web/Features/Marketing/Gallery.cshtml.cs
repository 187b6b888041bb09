using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>/marketing/galleries/{id}: its cases, adding and removing, submitting, the second person's approval, the public address.</summary>
public sealed class GalleryModel(RecordAccess access, Galleries galleries, AppDbContext db, IAuthorizationService auth)
    : RecordPageModel<Gallery>(access)
{
    public Gallery Gallery => Record;
    public GalleryDto Dto { get; private set; } = null!;
    public IReadOnlyList<MarketingCase> Addable { get; private set; } = [];
    public bool MayApprove { get; private set; }
    [BindProperty] public string? CaseId { get; set; }
    [BindProperty] public string? ItemId { get; set; }

    protected override Task<Result<Gallery>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.GalleryAsync(id, User, GalleryOperation.View, ct);

    public async Task OnGetAsync(CancellationToken ct) => await FillAsync(ct);

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) => ChangeAsync(GalleryOperation.Edit, g => galleries.AddAsync(g, CaseId, CurrentUser.Id(User), ct), ct);
    public Task<IActionResult> OnPostRemoveAsync(CancellationToken ct) => ChangeAsync(GalleryOperation.Edit, g => galleries.RemoveAsync(g, ItemId, ct), ct);
    public Task<IActionResult> OnPostSubmitAsync(CancellationToken ct) => ChangeAsync(GalleryOperation.Edit, g => galleries.SubmitAsync(g, CurrentUser.Id(User)!.Value, ct), ct);
    public Task<IActionResult> OnPostApproveAsync(CancellationToken ct) => ChangeAsync(GalleryOperation.Approve, g => galleries.ApproveAsync(g, CurrentUser.Id(User)!.Value, ct), ct);

    private async Task<IActionResult> ChangeAsync(GalleryOperation operation, Func<Gallery, Task<Result<Gallery>>> change, CancellationToken ct)
    {
        if (!(await auth.AuthorizeAsync(User, Gallery, operation)).Succeeded)
            ModelState.AddModelError("", operation == GalleryOperation.Approve
                ? "Publishing takes a second person: an admin or clinician who did not submit the gallery."
                : "Not allowed.");
        else if ((await change(Gallery)).Failed(out var rejection, out _))
            ModelState.AddRejection(rejection);
        else
            return Redirect($"/marketing/galleries/{Gallery.Id}");
        await FillAsync(ct);
        return Page();
    }

    private async Task FillAsync(CancellationToken ct)
    {
        var ids = Gallery.Items.Select(i => i.CaseId).ToList();
        var codes = await db.MarketingCases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        Dto = GalleryDto.From(Gallery, codes, $"{Request.Scheme}://{Request.Host}{Request.PathBase}");
        var live = Gallery.Items.Where(i => i.IsLive).Select(i => i.CaseId).ToList();
        Addable = await db.MarketingCases.AsNoTracking().Where(c => c.Status == CaseStatus.Ready && !live.Contains(c.Id))
            .OrderByDescending(c => c.CreatedAt).Take(200).ToListAsync(ct);
        MayApprove = Gallery.Status == GalleryStatus.AwaitingApproval
                     && (await auth.AuthorizeAsync(User, Gallery, GalleryOperation.Approve)).Succeeded;
    }
}
