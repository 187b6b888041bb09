namespace ProgressTracker.Web.Features.Audit;

/// <summary>The events features record, built in one place so each call site stays one line.</summary>
public static class AuditEvents
{
    public static AuditEvent PatientViewed(Patient patient, string where) =>
        new(AuditActions.PatientViewed, ResourceType: "patient", ResourceId: Id(patient.Id), PatientId: patient.Id,
            Detail: where);

    public static AuditEvent PatientCreated(Patient patient) =>
        new(AuditActions.PatientCreated, ResourceType: "patient", ResourceId: Id(patient.Id), PatientId: patient.Id);

    public static AuditEvent VisitCreated(Visit visit) =>
        new(AuditActions.VisitCreated, ResourceType: "visit", ResourceId: Id(visit.Id), PatientId: visit.PatientId);

    public static AuditEvent OfPhoto(string action, Photo photo, string? detail = null) =>
        new(action, ResourceType: "photo", ResourceId: Id(photo.Id), PatientId: photo.PatientId, Detail: detail);

    /// <summary>Image bytes handed out: the original is a download, any other variant a view unless saved as a file.</summary>
    public static AuditEvent Media(Photo photo, MediaVariant variant, bool downloaded = false) => variant switch
    {
        MediaVariant.Original => OfPhoto(AuditActions.PhotoOriginalDownloaded, photo, "original"),
        _ when downloaded => OfPhoto(AuditActions.PhotoDownloaded, photo, EnumNames.ToKebab(variant)),
        _ => OfPhoto(AuditActions.PhotoViewed, photo, EnumNames.ToKebab(variant)),
    };

    public static AuditEvent OfExport(string action, Export export) =>
        new(action, ResourceType: "export", ResourceId: Id(export.Id), PatientId: export.PatientId,
            Detail: $"{EnumNames.ToKebab(export.Kind)}; {export.PhotoIds.Count} photos");

    public static AuditEvent Verified(AuditVerification result, string how) =>
        new(AuditActions.AuditVerified, result.Ok ? AuditOutcome.Ok : AuditOutcome.Failed, ResourceType: "audit",
            Detail: result.Ok
                ? $"{how}: {result.Checked} entries intact"
                : $"{how}: broken at sequence {result.FirstBrokenSequence}");

    private static string Id(Guid id) => id.ToString("D");
}
