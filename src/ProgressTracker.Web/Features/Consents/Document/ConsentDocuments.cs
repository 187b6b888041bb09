using ProgressTracker.Web.Features.Portal;

namespace ProgressTracker.Web.Features.Consents.Document;

/// <summary>Gathers what a consent's PDF needs (its text's title, the drawn signature) and renders it.</summary>
public sealed class ConsentDocuments(AppDbContext db, IBlobStore blobs, PortalOptions portal, TimeProvider clock)
{
    public async Task<byte[]> RenderAsync(Consent consent, CancellationToken ct)
    {
        var title = await db.ConsentTexts.AsNoTracking().Where(t => t.Version == consent.TextVersion)
            .Select(t => t.Title).FirstOrDefaultAsync(ct) ?? ConsentTexts.DefaultTitle;
        byte[]? signature = null;
        if (consent.SignatureKey is { } key && await blobs.OpenReadAsync(key, ct) is { } stream)
        {
            await using (stream)
            {
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, ct);
                signature = buffer.ToArray();
            }
        }
        var now = clock.GetUtcNow();
        var clinic = portal.ClinicNamed ? portal.ClinicName : "Your clinic";
        return ConsentPdf.Render(new ConsentPdfContent(consent, clinic, title, signature,
            DateOnly.FromDateTime(now.UtcDateTime), now));
    }
}
