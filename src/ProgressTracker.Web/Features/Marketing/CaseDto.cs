namespace ProgressTracker.Web.Features.Marketing;

public sealed record CaseMedia(string? Image);

/// <summary>
/// A case as marketing and approving staff see it (API.md "Marketing and publishing"): photo references, never
/// photo ids, and no dates beyond the case's own.
/// </summary>
public sealed record CaseDto(Guid Id, string Code, string BeforePhotoId, string AfterPhotoId, string View, string Status,
    CaseMedia Media, string Crop, IReadOnlyList<BlurSpotDto> Blur, string Caption, string? Watermark,
    bool NeedsPatientApproval, bool ApprovedByPatient, bool DeclinedByPatient, string? ImageSha256, int Revision,
    string? FailureReason, string? WithdrawnReason, DateTimeOffset CreatedAt)
{
    public static CaseDto From(MarketingCase c, MarketingPhotoRefs refs) => new(c.Id, c.Code, refs.For(c.BeforePhotoId),
        refs.For(c.AfterPhotoId), EnumNames.ToKebab(c.View), EnumNames.ToKebab(c.Status),
        new CaseMedia(c.ImageKey is not null && !c.IsWithdrawn ? ImagePath(c) : null),
        c.CropKind == CaseCropKind.Box ? $"{c.CropX},{c.CropY},{c.CropWidth},{c.CropHeight}" : EnumNames.ToKebab(c.CropKind),
        c.Blur.Select(b => new BlurSpotDto(b.X, b.Y, b.Radius)).ToList(), c.Caption, c.Watermark,
        c.NeedsPatientApproval, c.IsApprovedByPatient, c.DeclinedAt is not null && c.Status == CaseStatus.AwaitingPatient,
        c.ImageSha256, c.Revision, c.FailureReason, c.WithdrawnReason, c.CreatedAt);

    /// <summary>The picture, named by revision so a browser never shows an old rendering as the new one.</summary>
    public static string ImagePath(MarketingCase c) => $"/api/v1/marketing/cases/{c.Id}/image?r={c.Revision}";
}
