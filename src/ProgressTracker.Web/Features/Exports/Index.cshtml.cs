using System.Globalization;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Exports;

/// <summary>A photo that can go into an export: its label is the one the export will carry.</summary>
public sealed record PhotoChoice(Guid PhotoId, string Label, string Thumb, DateOnly Date);

/// <summary>The Ready photos of one view in visit order.</summary>
public sealed record ViewChoice(PhotoView View, IReadOnlyList<PhotoChoice> Photos);

/// <summary>One line of the export list: the export and the visit dates it shows.</summary>
public sealed record ExportRow(ExportDto Export, string Visits);

/// <summary>The patient's exports page: choose photos of one view, export them, and find earlier exports.</summary>
public sealed class IndexModel(RecordAccess access, TimelineQuery timeline, ExportLookup exports, TimeProvider clock)
    : PatientPageModel(access)
{
    public PatientHeader Header { get; private set; } = null!;
    /// <summary>Views with at least two Ready photos: only these can be exported.</summary>
    public IReadOnlyList<ViewChoice> Views { get; private set; } = [];
    public IReadOnlyList<ExportRow> Exports { get; private set; } = [];
    public int TotalExports { get; private set; }
    public ExportPanelModel? Panel { get; private set; }

    /// <summary>Exports are disclosures: the whole page is for those who may make them.</summary>
    protected override PatientOperation OperationFor(string httpMethod) => PatientOperation.Export;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var data = await timeline.LoadAsync(Patient, null, ct);
        var course = new TreatmentCourse(data.Visits);
        Header = new PatientHeader(data.Patient, course, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime),
            PatientTab.Exports, []);
        Views = data.Views.Select(row => new ViewChoice(row.View, row.Visits
                .SelectMany(cell => cell.Photos.Where(p => p.Status == PhotoStatus.Ready).Select(p => new PhotoChoice(
                    p.Id, ExportLabels.For(course, cell.Visit.Date),
                    p.Alignment.IsConfirmed() && p.Media.AlignedThumb is { } aligned ? aligned : p.Media.Thumb!,
                    cell.Visit.Date)))
                .ToList()))
            .Where(v => v.Photos.Count >= 2).ToList();
        if (Views.FirstOrDefault() is { } first)
            Panel = new ExportPanelModel(Patient.Id, first.View, [first.Photos[0].PhotoId, first.Photos[^1].PhotoId], "side-by-side");

        var dates = data.Views.SelectMany(v => v.Visits).SelectMany(c => c.Photos.Select(p => (p.Id, c.Visit.Date)))
            .ToDictionary(x => x.Id, x => x.Date);
        var (items, total) = await exports.ListAsync(Patient.Id, 1, 100, ct);
        TotalExports = total;
        Exports = items.Select(e => new ExportRow(ExportDto.From(e), VisitsText(e, dates))).ToList();
        return Page();
    }

    /// <summary>"12 Mar 2026 vs 10 Sep 2026", or "12 Mar 2026 – 10 Sep 2026 · 5 photos".</summary>
    private static string VisitsText(Export export, IReadOnlyDictionary<Guid, DateOnly> dates)
    {
        var known = export.PhotoIds.Where(dates.ContainsKey).Select(id => dates[id]).ToList();
        if (known.Count == 0) return $"{export.PhotoIds.Count} photos";
        string Day(DateOnly d) => d.ToString("d MMM yyyy", CultureInfo.InvariantCulture);
        return export.Kind == ExportKind.SideBySide && known.Count == 2
            ? $"{Day(known[0])} vs {Day(known[1])}"
            : $"{Day(known[0])} – {Day(known[^1])} · {export.PhotoIds.Count} photos";
    }
}
