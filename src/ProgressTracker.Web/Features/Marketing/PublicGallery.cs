namespace ProgressTracker.Web.Features.Marketing;

/// <summary>A published case as the public page shows it.</summary>
public sealed record PublicItem(string ImageUrl, string Code, int Width, int Height);

/// <summary>
/// What the public may see, decided on every request from the consents as they stand, not from a cache: an item
/// whose case is withdrawn, or whose consents no longer all hold, is gone (410 for its image) even before the sweep
/// has recorded the withdrawal — and then this request records it.
/// </summary>
public sealed class PublicGallery(AppDbContext db, CaseWithdrawals withdrawals, TimeProvider clock)
{
    public async Task<(Gallery Gallery, IReadOnlyList<PublicItem> Items)?> PageAsync(string token, CancellationToken ct)
    {
        if (!SecretTokens.LooksValid(token)) return null;
        var gallery = await db.Galleries.AsNoTracking().Include(g => g.Items).ThenInclude(i => i.Case)
            .SingleOrDefaultAsync(g => g.PublicToken == token, ct);
        if (gallery is null || !gallery.HasPublicPage) return null;
        var items = new List<PublicItem>();
        foreach (var item in gallery.PublicItems)
            if (await StillAllowedAsync(item.Case!, ct))
                items.Add(new PublicItem($"/g/i/{item.ImageToken}", item.Case!.Code, item.Case.ImageWidth ?? 0, item.Case.ImageHeight ?? 0));
        return (gallery, items);
    }

    public enum ImageAnswer { NotFound, Gone, Ok }

    public async Task<(ImageAnswer Answer, string? Key)> ImageAsync(string token, CancellationToken ct)
    {
        if (!SecretTokens.LooksValid(token)) return (ImageAnswer.NotFound, null);
        var item = await db.GalleryItems.AsNoTracking().Include(i => i.Case).SingleOrDefaultAsync(i => i.ImageToken == token, ct);
        if (item is null) return (ImageAnswer.NotFound, null);
        var gallery = await db.Galleries.AsNoTracking().Include(g => g.Items).SingleAsync(g => g.Id == item.GalleryId, ct);
        if (!gallery.HasPublicPage) return (ImageAnswer.NotFound, null);
        if (!gallery.PublicItems.Any(i => i.Id == item.Id)) return item.IsLive ? (ImageAnswer.NotFound, null) : (ImageAnswer.Gone, null);
        return await StillAllowedAsync(item.Case!, ct) && item.Case!.ImageKey is { } key
            ? (ImageAnswer.Ok, key)
            : (ImageAnswer.Gone, null);
    }

    private async Task<bool> StillAllowedAsync(MarketingCase @case, CancellationToken ct)
    {
        if (!@case.IsPublishable) return false;
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var consents = await db.Consents.AsNoTracking().Where(c => @case.ConsentIds.Contains(c.Id)).ToListAsync(ct);
        var holds = consents.Count == @case.ConsentIds.Count && consents.Count > 0
                    && consents.All(c => c.StatusOn(today) == ConsentStatus.Active)
                    && consents.Any(c => c.Uses.Contains(ConsentUse.Website));
        if (holds) return true;
        // The sweep has not got here yet: record the withdrawal now, on a tracked copy.
        var tracked = await db.MarketingCases.SingleAsync(c => c.Id == @case.Id, ct);
        await withdrawals.WithdrawAsync(tracked, consents.Any(c => c.RevokedAt is not null)
            ? "the patient withdrew their consent" : "the patient's consent ended", ct);
        return false;
    }
}

public static class PublicGalleryEndpoints
{
    /// <summary>Public images: no sign-in, the token is the address. Cached briefly only, so a takedown propagates.</summary>
    public static void MapPublicGalleryEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/g/i/{token}", ImageAsync).AllowAnonymous().WithTags("Public")
            .WithSummary("A published case picture (image/jpeg), or 410 Gone once a consent behind it ended.");

    private static async Task<IResult> ImageAsync(string token, PublicGallery gallery, IBlobStore blobs, MarketingOptions options,
        HttpContext http, CancellationToken ct)
    {
        var (answer, key) = await gallery.ImageAsync(token, ct);
        http.Response.Headers.CacheControl = answer == PublicGallery.ImageAnswer.Ok
            ? $"public, max-age={(int)options.PublicCacheLifetime.TotalSeconds}"
            : "no-store";
        if (answer == PublicGallery.ImageAnswer.NotFound) return TypedResults.NotFound();
        if (answer == PublicGallery.ImageAnswer.Gone)
            return TypedResults.Problem(statusCode: StatusCodes.Status410Gone, title: "Removed",
                detail: "This picture was removed from the gallery.");
        var stream = await blobs.OpenReadAsync(key!, ct);
        return stream is null ? TypedResults.NotFound() : TypedResults.Stream(stream, "image/jpeg");
    }
}
