namespace ProgressTracker.Web.Features.Visits;

public sealed record TreatmentDto(string? Product, string? Lot, decimal? VolumeMl, IReadOnlyList<string> Areas,
    int? SessionNumber);

/// <summary>Notes: clinical, staff only. PatientNote: written for the patient, shown in the portal when the clinic allows.</summary>
public sealed record VisitDto(Guid Id, Guid PatientId, DateOnly Date, VisitKind Kind, string? Notes,
    TreatmentDto? Treatment, string? PatientNote = null)
{
    public static VisitDto From(Visit v) => new(v.Id, v.PatientId, v.Date, v.Kind, v.Notes,
        v.Treatment is { } t ? new TreatmentDto(t.Product, t.Lot, t.VolumeMl, t.Areas, t.SessionNumber) : null,
        v.PatientNote);

    /// <summary>
    /// What a patient may read: no clinical notes, no lot numbers; the note written for them only when the clinic's
    /// settings show it.
    /// </summary>
    public VisitDto WithoutStaffFields(bool showPatientNote = false) =>
        this with
        {
            Notes = null, Treatment = Treatment is { } t ? t with { Lot = null } : null,
            PatientNote = showPatientNote ? PatientNote : null,
        };
}

/// <summary>Kind is a string so an unknown value gets a clear message instead of a JSON binding failure.</summary>
public sealed record CreateVisitRequest(DateOnly? Date, string? Kind, string? Notes, TreatmentDto? Treatment,
    string? PatientNote = null);
