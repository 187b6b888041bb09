using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Imaging.Composition;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// The marketing workspace's API (API.md "Marketing and publishing"): consented photos as de-identified renderings,
/// cases, galleries and the takedown checklist. Marketing and the staff who approve its galleries only; nothing
/// here returns a name, a record number, a date of a visit or a photo's id.
/// </summary>
public static class MarketingEndpoints
{
    public static void MapMarketingEndpoints(this IEndpointRouteBuilder api)
    {
        var marketing = api.MapGroup("").WithTags("Marketing").RequireAuthorization(Policies.Marketing);
        marketing.MapGet("/marketing/photos", PhotosAsync)
            .WithSummary("Photos an active marketing-use consent covers, as de-identified renderings (no ids, names or dates; weeks since the first session).");
        marketing.MapGet("/marketing/photos/{reference}/display", PhotoImageAsync)
            .WithSummary("The de-identified rendering of one consented photo (JPEG, no metadata, random file name).");
        marketing.MapGet("/marketing/cases", CaseListAsync).WithSummary("Cases, newest first.");
        marketing.MapPost("/marketing/cases", CreateCaseAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Make a case from two consented photos of one view; rendered in a job.");
        marketing.MapGet("/marketing/cases/{id}", GetCaseAsync).WithSummary("One case.");
        marketing.MapPut("/marketing/cases/{id}", EditCaseAsync).AddEndpointFilter<AntiforgeryForCookieCallers>()
            .WithSummary("Change crop, blur, caption or watermark: a new rendering, and a new patient approval when asked for.");
        marketing.MapGet("/marketing/cases/{id}/image", CaseImageAsync)
            .WithSummary("The case's picture; ?download=true saves it, and the copy goes on the takedown list if the consent ends.");
        GalleryEndpoints.Map(marketing);
    }

    public sealed record MarketingPhotoMedia(string Display);
    public sealed record MarketingPhotoDto(string Id, string Series, string View, int WeeksSinceFirstSession,
        bool Identifiable, MarketingPhotoMedia Media);

    private static async Task<Results<Ok<PagedList<MarketingPhotoDto>>, ProblemHttpResult>> PhotosAsync(
        MarketingCatalog catalog, MarketingPhotoRefs refs, CancellationToken ct, string? view = null)
    {
        PhotoView? only = null;
        if (view is not null)
        {
            if (!EnumNames.TryParse<PhotoView>(view, out var parsed))
                return Rejection.Invalid($"'{view}' is not a view; use one of {EnumNames.Allowed<PhotoView>()}.").ToProblem();
            only = parsed;
        }
        var items = (await catalog.ListAsync(only, ct)).Select(p =>
        {
            var reference = refs.For(p.Photo.Id);
            return new MarketingPhotoDto(reference, MarketingPhotoRefs.SeriesOf(p.Photo.PatientId), EnumNames.ToKebab(p.Photo.View),
                p.Weeks, p.Identifiable, new MarketingPhotoMedia($"/api/v1/marketing/photos/{reference}/display"));
        }).ToList();
        return TypedResults.Ok(new PagedList<MarketingPhotoDto>(items, items.Count));
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PhotoImageAsync(string reference,
        MarketingCatalog catalog, MarketingPhotoRefs refs, IBlobStore blobs, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        var photo = refs.Resolve(reference) is { } id ? await catalog.FindAsync(id, ct) : null;
        if (photo is null) return Rejection.NotFound("photo", "").ToProblem();
        var image = await blobs.ReadAllBytesAsync(photo.ImageKey, ct);
        if (image is null) return Rejection.Conflict("This photo's image is missing from storage.", "Image missing").ToProblem();
        // Without consent to identifiable features, marketing sees only the hip region.
        var crop = photo.Identifiable ? null : HipRegion.FindBox(image, ct);
        var jpeg = await Task.Run(() => DeidentifiedImage.Render(image, crop), ct);
        await audit.RecordAsync(new AuditEvent(AuditActions.MarketingPhotoViewed, ResourceType: "photo",
            ResourceId: photo.Photo.Id.ToString(), PatientId: photo.Photo.PatientId), ct);
        http.Response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(jpeg, "image/jpeg", fileDownloadName: $"{Guid.NewGuid():N}.jpg");
    }

    private static async Task<Ok<PagedList<CaseDto>>> CaseListAsync(AppDbContext db, MarketingPhotoRefs refs, CancellationToken ct)
    {
        var cases = await db.MarketingCases.AsNoTracking().OrderByDescending(c => c.CreatedAt).Take(500).ToListAsync(ct);
        var items = cases.Select(c => CaseDto.From(c, refs)).ToList();
        return TypedResults.Ok(new PagedList<CaseDto>(items, items.Count));
    }

    private static async Task<Results<Created<CaseDto>, ProblemHttpResult>> CreateCaseAsync(CaseRequest request,
        MarketingCases cases, MarketingPhotoRefs refs, ClaimsPrincipal user, CancellationToken ct) =>
        (await cases.CreateAsync(request, CurrentUser.Id(user), ct)).Failed(out var rejection, out var made)
            ? rejection.ToProblem()
            : TypedResults.Created($"/api/v1/marketing/cases/{made.Id}", CaseDto.From(made, refs));

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> GetCaseAsync(string id, RecordAccess access,
        MarketingPhotoRefs refs, ClaimsPrincipal user, CancellationToken ct) =>
        (await access.CaseAsync(id, user, CaseOperation.View, ct)).Failed(out var refused, out var found)
            ? refused.ToProblem()
            : TypedResults.Ok(CaseDto.From(found, refs));

    private static async Task<Results<Ok<CaseDto>, ProblemHttpResult>> EditCaseAsync(string id, CaseRequest request,
        RecordAccess access, MarketingCases cases, AppDbContext db, MarketingPhotoRefs refs, ClaimsPrincipal user, CancellationToken ct)
    {
        if ((await access.CaseAsync(id, user, CaseOperation.Edit, ct)).Failed(out var refused, out var found))
            return refused.ToProblem();
        if (await db.GalleryItems.AnyAsync(i => i.CaseId == found.Id && i.RemovedAt == null, ct))
            return Rejection.Conflict($"Case {found.Code} is in a gallery; remove it from the gallery before changing it.",
                "Case in a gallery").ToProblem();
        return (await cases.EditAsync(found, request, ct)).Failed(out var rejection, out var edited)
            ? rejection.ToProblem()
            : TypedResults.Ok(CaseDto.From(edited, refs));
    }

    private static async Task<Results<FileStreamHttpResult, ProblemHttpResult>> CaseImageAsync(string id, RecordAccess access,
        CaseImages images, ClaimsPrincipal user, CancellationToken ct, bool download = false)
    {
        if ((await access.CaseAsync(id, user, download ? CaseOperation.Download : CaseOperation.View, ct,
                "Only marketing and staff save case pictures.")).Failed(out var refused, out var found))
            return refused.ToProblem();
        return await images.ServeAsync(found, user, download, ct);
    }
}
