namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// An archive as the API shows it to its patient. <see cref="FileUrl"/> is set while the file can be downloaded;
/// <see cref="Expired"/> says a ready archive's file has been (or is about to be) removed.
/// </summary>
public sealed record ArchiveDto(Guid Id, DataArchiveStatus Status, int Progress, DateTimeOffset CreatedAt,
    DateTimeOffset? CompletedAt, DateTimeOffset? ExpiresAt, bool Expired, int PhotoCount, string? FailureReason,
    string FileName, string? FileUrl)
{
    public static ArchiveDto From(DataArchive a, bool expired) => new(a.Id, a.Status, a.Progress, a.CreatedAt,
        a.CompletedAt, a.ExpiresAt, expired, a.PhotoCount, a.FailureReason, a.FileName,
        a.Status == DataArchiveStatus.Ready && !expired ? FileUrlOf(a.Id) : null);

    public static string UrlOf(Guid id) => $"/api/v1/me/archive/{id}";

    public static string FileUrlOf(Guid id) => $"/api/v1/me/archive/{id}/file";
}
