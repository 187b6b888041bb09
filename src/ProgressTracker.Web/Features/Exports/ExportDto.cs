namespace ProgressTracker.Web.Features.Exports;

/// <summary>
/// An export as the API shows it. <see cref="File"/> is the download link once the export is Ready, else null;
/// <see cref="FileName"/> and <see cref="ContentType"/> say what it will be.
/// </summary>
public sealed record ExportDto(Guid Id, Guid PatientId, ExportKind Kind, PhotoView View, IReadOnlyList<Guid> PhotoIds,
    bool Aligned, string? Watermark, bool CropToHip, ExportStatus Status, int Progress, string? FailureReason,
    DateTimeOffset CreatedAt, DateTimeOffset? CompletedAt, string? File, string FileName, string ContentType)
{
    public static ExportDto From(Export e) => new(e.Id, e.PatientId, e.Kind, e.View, e.PhotoIds, e.Aligned, e.Watermark,
        e.CropToHip, e.Status, e.Progress, e.FailureReason, e.CreatedAt, e.CompletedAt,
        e.Status == ExportStatus.Ready ? FileUrl(e.Id) : null, e.FileName, ExportFiles.ContentType(e.Kind));

    public static string FileUrl(Guid exportId) => $"/api/v1/exports/{exportId}/file";
}

/// <summary>
/// Kind, view and photo ids are strings so that an unknown value gets a message naming it, instead of a JSON
/// binding failure. Aligned defaults to true.
/// </summary>
public sealed record CreateExportRequest(string? Kind, string? View, IReadOnlyList<string>? PhotoIds, bool? Aligned,
    string? Watermark, bool? CropToHip);
