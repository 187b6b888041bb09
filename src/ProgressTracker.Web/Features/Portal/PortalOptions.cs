namespace ProgressTracker.Web.Features.Portal;

/// <summary>Section "Portal": what the clinic chooses to show its patients.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    private const string Unnamed = "your clinic";

    /// <summary>The clinic's name as patients see it ("Notes from {ClinicName}"); unset, "your clinic".</summary>
    public string ClinicName { get; set; } = Unnamed;

    /// <summary>Set by the clinic (the portal's title bar names it only then).</summary>
    public bool ClinicNamed => !string.IsNullOrWhiteSpace(ClinicName) && ClinicName != Unnamed;

    /// <summary>Show the notes staff write for the patient on a visit (never the clinical notes).</summary>
    public bool ShowVisitNotes { get; set; } = true;

    /// <summary>Show the measured hip contour (the chart of dip depth over the course) to the patient. Off unless
    /// set; the demo clinic (Demo:Seed=true) turns it on when it is not set.</summary>
    public bool ShowMeasurements { get; set; }

    /// <summary>"Who saw my photos" names the staff member, not only the role.</summary>
    public bool ShowStaffNames { get; set; }

    /// <summary>How long a finished "download my data" archive can be downloaded before it is removed.</summary>
    public TimeSpan ArchiveLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>
    /// What the patient reads before asking to delete their account. Clinics should replace it with their own
    /// rules; the default states the common case without promising a period the clinic may not follow.
    /// </summary>
    public string RetentionNotice { get; set; } =
        "Your photos and visit records are part of your medical record. The clinic must keep medical records for " +
        "the period the law sets (in many countries at least 10 years after your last treatment), so they are " +
        "not deleted on request. The clinic will review your request, close your portal account if you wish, " +
        "and tell you what it decided and why. Records that no longer have to be kept are deleted at the end of " +
        "the retention period.";
}
