using ProgressTracker.Web.Features.Patients;
namespace ProgressTracker.Web.Features.Marketing;

/// <summary>Galleries (draft → awaiting-approval → published) and the takedown checklist.</summary>
public static class GalleryEndpoints
{
    public sealed record GalleryRequest(string? Title);
    public sealed record GalleryItemRequest(string? CaseId);
    public sealed record TakedownDoneRequest(string? Note);

    public static void Map(RouteGroupBuilder marketing)
    {
        marketing.MapGet("/galleries", ListAsync).WithSummary("Galleries, newest first.");
        marketing.MapPost("/galleries", CreateAsync).AddEndpointFilter<AntiforgeryForCookieCallers>().WithSummary("A new draft gallery.");
        marketing.MapGet("/galleries/{id}", GetAsync).WithSummary("One gallery with its items, public address and embed snippet.");
        marketing.MapPost("/galleries/{id}/items", AddAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Add a ready case whose consent covers the website; the gallery then needs approving again.");
        marketing.MapDelete("/galleries/{id}/items/{itemId}", RemoveAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Take a case out of the gallery: it leaves the public page and its image answers 410.");
        marketing.MapPost("/galleries/{id}/submit", SubmitAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Ask for approval.");
        marketing.MapPost("/galleries/{id}/approve", ApproveAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Publish: an admin or clinician other than the submitter.");
        marketing.MapGet("/takedowns", TakedownsAsync)
            .WithSummary("Copies of withdrawn cases that left the app (downloads, publications): open until marked removed.");
        marketing.MapPost("/takedowns/{id}/done", TakedownDoneAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Mark a copy removed, with a note of how.");
    }

    private static string BaseUrl(HttpRequest r) => $"{r.Scheme}://{r.Host}{r.PathBase}";

    private static async Task<GalleryDto> DtoAsync(Gallery g, AppDbContext db, HttpRequest request, CancellationToken ct)
    {
        var ids = g.Items.Select(i => i.CaseId).ToList();
        var codes = await db.MarketingCases.AsNoTracking().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return GalleryDto.From(g, codes, BaseUrl(request));
    }

    private static async Task<Ok<PagedList<GalleryDto>>> ListAsync(AppDbContext db, HttpRequest request, CancellationToken ct)
    {
        var galleries = await db.Galleries.AsNoTracking().Include(g => g.Items).OrderByDescending(g => g.CreatedAt).Take(200).ToListAsync(ct);
        var items = new List<GalleryDto>();
        foreach (var g in galleries) items.Add(await DtoAsync(g, db, request, ct));
        return TypedResults.Ok(new PagedList<GalleryDto>(items, items.Count));
    }

    private static async Task<Results<Created<GalleryDto>, ProblemHttpResult>> CreateAsync(GalleryRequest body, Galleries galleries,
        AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        (await galleries.CreateAsync(body.Title, CurrentUser.Id(user), ct)).Failed(out var rejection, out var made)
            ? rejection.ToProblem()
            : TypedResults.Created($"/api/v1/galleries/{made.Id}", await DtoAsync(made, db, request, ct));

    private static async Task<Results<Ok<GalleryDto>, ProblemHttpResult>> GetAsync(string id, RecordAccess access, AppDbContext db,
        HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        (await access.GalleryAsync(id, user, GalleryOperation.View, ct)).Failed(out var refused, out var gallery)
            ? refused.ToProblem()
            : TypedResults.Ok(await DtoAsync(gallery, db, request, ct));

    private static Task<Results<Ok<GalleryDto>, ProblemHttpResult>> AddAsync(string id, GalleryItemRequest body, RecordAccess access,
        Galleries galleries, AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(id, GalleryOperation.Edit, access, db, request, user, ct,
            g => galleries.AddAsync(g, body.CaseId, CurrentUser.Id(user), ct));

    private static Task<Results<Ok<GalleryDto>, ProblemHttpResult>> RemoveAsync(string id, string itemId, RecordAccess access,
        Galleries galleries, AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(id, GalleryOperation.Edit, access, db, request, user, ct, g => galleries.RemoveAsync(g, itemId, ct));

    private static Task<Results<Ok<GalleryDto>, ProblemHttpResult>> SubmitAsync(string id, RecordAccess access, Galleries galleries,
        AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(id, GalleryOperation.Edit, access, db, request, user, ct,
            g => galleries.SubmitAsync(g, CurrentUser.Id(user)!.Value, ct));

    private static Task<Results<Ok<GalleryDto>, ProblemHttpResult>> ApproveAsync(string id, RecordAccess access, Galleries galleries,
        AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct) =>
        ChangeAsync(id, GalleryOperation.Approve, access, db, request, user, ct,
            g => galleries.ApproveAsync(g, CurrentUser.Id(user)!.Value, ct),
            "Publishing takes a second person: an admin or clinician who did not submit the gallery.");

    private static async Task<Results<Ok<GalleryDto>, ProblemHttpResult>> ChangeAsync(string id, GalleryOperation operation,
        RecordAccess access, AppDbContext db, HttpRequest request, ClaimsPrincipal user, CancellationToken ct,
        Func<Gallery, Task<Result<Gallery>>> change, string? forbidden = "Not allowed for this gallery.")
    {
        if ((await access.GalleryAsync(id, user, operation, ct, forbidden)).Failed(out var refused, out var gallery))
            return refused.ToProblem();
        return (await change(gallery)).Failed(out var rejection, out var changed)
            ? rejection.ToProblem()
            : TypedResults.Ok(await DtoAsync(changed, db, request, ct));
    }

    private static async Task<Ok<PagedList<TakedownDto>>> TakedownsAsync(Takedowns takedowns, CancellationToken ct, string? status = null)
    {
        var items = await takedowns.ListAsync(status, ct);
        return TypedResults.Ok(new PagedList<TakedownDto>(items, items.Count));
    }

    private static async Task<Results<Ok<TakedownDto>, ProblemHttpResult>> TakedownDoneAsync(string id, TakedownDoneRequest body,
        Takedowns takedowns, ClaimsPrincipal user, CancellationToken ct) =>
        (await takedowns.MarkDoneAsync(id, body.Note, CurrentUser.Id(user), ct)).Failed(out var rejection, out var done)
            ? rejection.ToProblem()
            : TypedResults.Ok(done);
}
