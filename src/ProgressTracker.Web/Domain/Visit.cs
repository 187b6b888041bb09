namespace ProgressTracker.Web.Domain;

public sealed class Visit : PatientRecord
{
    public DateOnly Date { get; set; }
    public VisitKind Kind { get; set; }
    /// <summary>Clinical notes: staff only.</summary>
    public string? Notes { get; set; }
    /// <summary>A note written for the patient, shown in the portal when the clinic's settings allow it.</summary>
    public string? PatientNote { get; set; }
    /// <summary>Set for treatment visits: what was given, where, and which session of the course it was.</summary>
    public TreatmentDetails? Treatment { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public Patient? Patient { get; init; }
    public List<Photo> Photos { get; init; } = [];
}

public sealed class TreatmentDetails
{
    public string? Product { get; set; }
    public string? Lot { get; set; }
    public decimal? VolumeMl { get; set; }
    public List<string> Areas { get; set; } = [];
    public int? SessionNumber { get; set; }
}
