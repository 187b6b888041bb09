using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Progression;

/// <summary>Every visit of one view as an aligned filmstrip, with a player that steps or plays through them.</summary>
public sealed class ProgressionModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock,
    IAuditTrail audit) : ViewFramesPageModel(access, timeline, clock, audit)
{
    /// <summary>An animation holds at most 24 frames: beyond that, an even spread that keeps the first and last.</summary>
    public IReadOnlyList<Guid> AnimationFrames => Set.Spread(MaxFrames).Select(f => f.Id).ToList();

    private const int MaxFrames = 24;

    /// <summary>Without scripts a frame opens its photo page.</summary>
    public ProgressionView Player => new(Set, ForPatient: false, f => $"/photos/{f.Id}");

    public ExportPanelModel? ExportPanel => View is { } v && Frames.Count >= 2
        ? new ExportPanelModel(Header.Patient.Id, v, AnimationFrames, "animation")
        : null;

    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken ct)
    {
        // The asked-for view, else the one with the most visits.
        await LoadFramesAsync(view, PatientTab.Progression, ViewFrameSet.MostVisits, ct);
        return Page();
    }
}
