namespace ProgressTracker.Web.Features.Audit;

/// <summary>Every audit action name, dotted lower-case (API.md). Add new ones here, never inline.</summary>
public static class AuditActions
{
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignInLocked = "sign-in.locked";
    public const string SignedOut = "sign-out";
    public const string TokenRefreshed = "token.refreshed";
    public const string TokenReplayed = "token.replayed";
    public const string PasswordChanged = "password.changed";
    public const string SecondFactorEnabled = "second-factor.enabled";
    public const string SecondFactorReset = "second-factor.reset";
    public const string PasskeyAdded = "passkey.added";
    public const string PasskeyRemoved = "passkey.removed";

    public const string PatientViewed = "patient.viewed";
    public const string PatientCreated = "patient.created";
    public const string PatientChanged = "patient.changed";
    public const string VisitCreated = "visit.created";
    public const string VisitChanged = "visit.changed";
    public const string PhotoUploaded = "photo.uploaded";
    /// <summary>The photo's record (status, links) through the API; its image is <see cref="PhotoViewed"/>.</summary>
    public const string PhotoRead = "photo.read";
    public const string PhotoViewed = "photo.viewed";
    public const string PhotoOriginalDownloaded = "photo.original-downloaded";
    /// <summary>A display-size image saved as a file (the patient's own download button).</summary>
    public const string PhotoDownloaded = "photo.downloaded";
    public const string AlignmentChanged = "alignment.changed";
    public const string BaselineChanged = "baseline.changed";
    public const string ExportMade = "export.made";
    public const string ExportDownloaded = "export.downloaded";

    public const string AccountInvited = "account.invited";
    public const string InvitationAccepted = "invitation.accepted";
    public const string InvitationWithdrawn = "invitation.withdrawn";
    public const string RoleChanged = "account.role-changed";
    public const string AccountDeactivated = "account.deactivated";
    public const string AccountReactivated = "account.reactivated";

    /// <summary>Patient portal: access given and taken away, the patient's own data requests.</summary>
    public const string PortalAccessRevoked = "portal.access-revoked";
    public const string PortalAccessRestored = "portal.access-restored";
    public const string ArchiveRequested = "data-archive.requested";
    public const string ArchiveDownloaded = "data-archive.downloaded";
    public const string DeletionRequested = "deletion.requested";
    public const string DeletionDecided = "deletion.decided";

    /// <summary>Consent: given on screen by the patient, recorded from paper by staff, withdrawn.</summary>
    public const string ConsentGranted = "consent.granted";
    public const string ConsentRecorded = "consent.recorded";
    public const string ConsentRevoked = "consent.revoked";
    public const string ConsentFormAttached = "consent.form-attached";
    /// <summary>Disclosures of a consent: its signed PDF, and the scan of its paper form (staff).</summary>
    public const string ConsentDocumentDownloaded = "consent.document-downloaded";
    public const string ConsentFormViewed = "consent.form-viewed";

    /// <summary>Marketing: cases made and changed, the patient's word on the picture, copies leaving, takedowns.</summary>
    public const string CaseCreated = "case.created";
    public const string CaseChanged = "case.changed";
    public const string CaseRendered = "case.rendered";
    public const string CaseApprovedByPatient = "case.approved-by-patient";
    public const string CaseDeclinedByPatient = "case.declined-by-patient";
    public const string CaseDownloaded = "case.downloaded";
    public const string CaseWithdrawn = "case.withdrawn";
    public const string MarketingPhotoViewed = "marketing.photo-viewed";
    public const string GallerySubmitted = "gallery.submitted";
    public const string GalleryPublished = "gallery.published";
    public const string CasePublished = "case.published";
    public const string CaseUnpublished = "case.unpublished";
    public const string TakedownDone = "takedown.done";

    public const string AccessDenied = "access.denied";
    public const string AuditVerified = "audit.verified";
    public const string AuditExported = "audit.exported";
    public const string BlobOrphanRemoved = "blob.orphan-removed";
    public const string IntegrityFindingRecorded = "integrity.finding";
    public const string IntegrityFindingsResolved = "integrity.resolved";

    /// <summary>Every action above, for the admin page's filter.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(AuditActions)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal).ToList();
}
