using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Shared.Api;
using ProgressTracker.Web.Features.Shared.Pages;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Progression;

/// <summary>Every visit of one view as an aligned filmstrip, with a player that steps or plays through them.</summary>
public sealed class ProgressionModel(RecordAccess access, TimelineQuery timeline, TimeProvider clock)
    : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    public IReadOnlyList<PhotoView> Views { get; private set; } = [];
    public PhotoView? View { get; private set; }
    public IReadOnlyList<ViewFrame> Frames { get; private set; } = [];

    /// <summary>An animation holds at most 24 frames: beyond that, an even spread that keeps the first and last.</summary>
    public IReadOnlyList<Guid> AnimationFrames => Frames.Count <= MaxFrames
        ? Frames.Select(f => f.Id).ToList()
        : Enumerable.Range(0, MaxFrames).Select(i => Frames[(int)Math.Round(i * (Frames.Count - 1) / (double)(MaxFrames - 1))].Id).ToList();

    private const int MaxFrames = 24;

    public ExportPanelModel? ExportPanel => View is { } v && Frames.Count >= 2
        ? new ExportPanelModel(Header.Patient.Id, v, AnimationFrames, "animation")
        : null;

    public async Task<IActionResult> OnGetAsync(string? view, CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        var course = new TreatmentCourse(data.Visits);
        Header = new PatientHeader(data.Patient, course, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            PatientTab.Progression, []);
        var rows = data.Views.Select(r => (Row: r, Frames: ViewFrame.Of(r, course))).Where(r => r.Frames.Count > 0).ToList();
        Views = rows.Select(r => r.Row.View).ToList();
        if (rows.Count == 0) return Page();
        var chosen = rows.FirstOrDefault(r => view is not null && EnumNames.ToKebab(r.Row.View) == view);
        if (chosen.Row is null) chosen = rows.MaxBy(r => r.Frames.Count);
        View = chosen.Row.View;
        Frames = chosen.Frames;
        return Page();
    }
}
