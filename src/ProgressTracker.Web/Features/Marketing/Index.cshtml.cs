namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// /marketing: the photos marketing may use, grouped by pseudonymous series and view, to pick a before and an after.
/// </summary>
public sealed class IndexModel(MarketingCatalog catalog, MarketingPhotoRefs refs) : PageModel
{
    public sealed record Card(string Reference, string Display, string WeekLabel, bool Identifiable);
    public sealed record Group(string Series, PhotoView View, IReadOnlyList<Card> Photos);

    public IReadOnlyList<Group> Groups { get; private set; } = [];

    [BindProperty(SupportsGet = true)] public string? View { get; set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PhotoView? only = EnumNames.TryParse<PhotoView>(View, out var v) ? v : null;
        Groups = (await catalog.ListAsync(only, ct))
            .GroupBy(p => (Series: MarketingPhotoRefs.SeriesOf(p.Photo.PatientId), p.Photo.View))
            .Where(g => g.Count() >= 2) // a case needs a before and an after
            .Select(g => new Group(g.Key.Series, g.Key.View, g.Select(p =>
            {
                var reference = refs.For(p.Photo.Id);
                return new Card(reference, $"/api/v1/marketing/photos/{reference}/display", p.WeekLabel, p.Identifiable);
            }).ToList()))
            .ToList();
    }
}
