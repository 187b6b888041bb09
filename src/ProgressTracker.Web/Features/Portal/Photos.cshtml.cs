using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>The patient's timeline: every visit, newest first, with its processed photos to look at or download.</summary>
public sealed class PhotosModel(RecordAccess access, TimelineQuery timeline, ResponseShapes shapes, TimeProvider clock,
    IAuditTrail audit) : PortalFramesPageModel(access, timeline, shapes, clock, audit)
{
    public sealed record VisitPhotos(VisitDto Visit, string WeekPhrase, IReadOnlyList<PhotoDto> Photos)
    {
        /// <summary>"Week 22 · Follow-up", "First session · Treatment · session 1 · PLLA".</summary>
        public string Subtitle
        {
            get
            {
                var parts = new[]
                {
                    WeekPhrase, DisplayNames.Of(Visit.Kind),
                    Visit.Treatment?.SessionNumber is { } s ? $"session {s}" : "", Visit.Treatment?.Product ?? "",
                }.Where(p => p.Length > 0).ToList();
                var line = string.Join(" · ", parts);
                return line.Length == 0 ? line : char.ToUpperInvariant(line[0]) + line[1..];
            }
        }
    }

    public IReadOnlyList<VisitPhotos> Visits { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(null, "photos", ViewFrameSet.MostVisits, ct);
        var ready = Timeline.Views.SelectMany(r => r.Visits)
            .SelectMany(cell => cell.Photos.Where(p => p.Status == PhotoStatus.Ready))
            .ToLookup(p => p.VisitId);
        Visits = Timeline.Visits.Reverse()
            .Select(v => new VisitPhotos(v, Course.WeekPhrase(v.Date), ready[v.Id].OrderBy(p => p.View).ToList()))
            .Where(v => v.Photos.Count > 0 || v.Visit.PatientNote is not null)
            .ToList();
        return Page();
    }

    /// <summary>The display image as a JPEG file, named by view and date.</summary>
    public static string DownloadHref(PhotoDto photo) => $"{photo.Media.Display}&format=jpeg&download=true";
}
