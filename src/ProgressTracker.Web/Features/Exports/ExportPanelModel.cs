namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// What the export panel (<c>_ExportPanel.cshtml</c>) starts with: the patient, the view, the photos in the order
/// they should appear, and the kind ("side-by-side", "sequence" or "animation"). A page may change the view, kind
/// and photos later by dispatching an <c>export:select</c> event on the panel (see wwwroot/js/export.js).
/// </summary>
public sealed record ExportPanelModel(Guid PatientId, PhotoView View, IReadOnlyList<Guid> PhotoIds, string Kind)
{
    public string ViewLabel => DisplayNames.Of(View);

    public string KindLabel => EnumNames.TryParse<ExportKind>(Kind, out var kind) ? ExportNames.Of(kind) : Kind;

    /// <summary>"Side by side · Left lateral · 2 photos".</summary>
    public string Summary => $"{KindLabel} · {ViewLabel} · {PhotoIds.Count} photo{(PhotoIds.Count == 1 ? "" : "s")}";
}

/// <summary>Human labels for export kinds and states on pages.</summary>
public static class ExportNames
{
    public static string Of(ExportKind kind) => kind switch
    {
        ExportKind.SideBySide => "Side by side",
        ExportKind.Sequence => "Sequence",
        _ => "Animation",
    };

    public static string Of(ExportStatus status) => status switch
    {
        ExportStatus.Pending => "Queued",
        ExportStatus.Running => "Rendering",
        ExportStatus.Ready => "Ready",
        _ => "Failed",
    };
}
