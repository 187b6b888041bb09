using ProgressTracker.Web.Features.Marketing;

namespace ProgressTracker.Web.Features.Public;

/// <summary>
/// /g/{token}: a published gallery, for anyone (no sign-in). Cached only briefly so a takedown propagates;
/// ?embed=1 drops the page's own header for the clinic's website, which may frame it.
/// </summary>
public sealed class GalleryModel(PublicGallery gallery, MarketingOptions marketing, Portal.PortalOptions portal) : PageModel
{
    public string Title { get; private set; } = "";
    public string? Clinic => portal.ClinicNamed ? portal.ClinicName : null;
    public string Disclaimer => marketing.Disclaimer;
    public IReadOnlyList<PublicItem> Items { get; private set; } = [];
    [BindProperty(SupportsGet = true)] public bool Embed { get; set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var page = await gallery.PageAsync(token, ct);
        Response.Headers.CacheControl = page is null ? "no-store" : $"public, max-age={(int)marketing.PublicCacheLifetime.TotalSeconds}";
        if (page is null) return NotFound();
        (Title, Items) = (page.Value.Gallery.Title, page.Value.Items);
        if (Embed)
        {
            // Only the embed may be framed, by the sites the clinic lists; it has no forms or actions to hijack.
            Response.Headers.Remove("X-Frame-Options");
            Response.Headers.ContentSecurityPolicy = Response.Headers.ContentSecurityPolicy.ToString()
                .Replace("frame-ancestors 'none'", $"frame-ancestors {marketing.EmbedAncestors}", StringComparison.Ordinal);
        }
        return Page();
    }
}
