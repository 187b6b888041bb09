using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Patients;

public enum PatientTab { Timeline, Compare, Progression, Exports, Portal, Consents }

/// <summary>A link button in the patient header ("Upload to 12 Mar visit").</summary>
public sealed record HeaderAction(string Label, string Href, bool Primary = false);

/// <summary>
/// The head every patient screen shares: who, the treatment course, the week of the course, the screen tabs and
/// the screen's own actions.
/// </summary>
public sealed record PatientHeader(PatientDto Patient, TreatmentCourse Course, DateOnly Today, PatientTab Active,
    IReadOnlyList<HeaderAction> Actions)
{
    public static readonly IReadOnlyList<(PatientTab Tab, string Label, string Path)> Tabs =
    [
        (PatientTab.Timeline, "Timeline", ""),
        (PatientTab.Compare, "Compare", "/compare"),
        (PatientTab.Progression, "Progression", "/progression"),
        (PatientTab.Exports, "Exports", "/exports"),
        (PatientTab.Portal, "Portal", "/portal"),
        (PatientTab.Consents, "Consents", "/consents"),
    ];

    public int? Week => Course.HasTreatment && Course.WeeksAt(Today) is { } w && w >= 0 ? w : null;
}
