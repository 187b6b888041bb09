namespace ProgressTracker.Web.Features.Visits;

public sealed record TreatmentDto(string? Product, string? Lot, decimal? VolumeMl, IReadOnlyList<string> Areas,
    int? SessionNumber);

public sealed record VisitDto(Guid Id, Guid PatientId, DateOnly Date, VisitKind Kind, string? Notes,
    TreatmentDto? Treatment)
{
    public static VisitDto From(Visit v) => new(v.Id, v.PatientId, v.Date, v.Kind, v.Notes,
        v.Treatment is { } t ? new TreatmentDto(t.Product, t.Lot, t.VolumeMl, t.Areas, t.SessionNumber) : null);

    /// <summary>What someone outside the clinic team may read: no clinical notes, no lot numbers.</summary>
    public VisitDto WithoutStaffFields() =>
        this with { Notes = null, Treatment = Treatment is { } t ? t with { Lot = null } : null };
}

/// <summary>Kind is a string so an unknown value gets a clear message instead of a JSON binding failure.</summary>
public sealed record CreateVisitRequest(DateOnly? Date, string? Kind, string? Notes, TreatmentDto? Treatment);
