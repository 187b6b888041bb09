namespace ProgressTracker.Web.Features.Visits;

/// <summary>Validates and stores a visit; used by the page and the API.</summary>
public sealed class CreateVisitHandler(AppDbContext db, TimeProvider clock, IAuditTrail audit)
{
    public async Task<Result<Visit>> HandleAsync(
        Patient patient, CreateVisitRequest request, CancellationToken ct)
    {
        if (request.Date is not { } date)
            return Rejection.Invalid("Enter the visit date as YYYY-MM-DD.");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (date > today.AddDays(1) || date.Year < 2000)
            return Rejection.Invalid($"The visit date {date:yyyy-MM-dd} is not plausible; visits are recorded on or after they happen.");
        if (!EnumNames.TryParse<VisitKind>(request.Kind, out var kind))
            return Rejection.Invalid(
                $"'{request.Kind}' is not a visit kind; use one of {EnumNames.Allowed<VisitKind>()}.");
        if (request.Notes is { Length: > 4000 })
            return Rejection.Invalid("Notes are limited to 4000 characters.");
        if (request.PatientNote is { Length: > 4000 })
            return Rejection.Invalid("The note for the patient is limited to 4000 characters.");

        var treatment = request.Treatment;
        if (treatment is not null)
        {
            if (treatment.VolumeMl is < 0 or > 1000)
                return Rejection.Invalid("The treatment volume must be between 0 and 1000 ml.");
            if (treatment.SessionNumber is < 1 or > 100)
                return Rejection.Invalid("The session number must be between 1 and 100.");
        }

        var visit = new Visit
        {
            PatientId = patient.Id, Date = date, Kind = kind, Notes = Blank(request.Notes), PatientNote = Blank(request.PatientNote),
            CreatedAt = clock.GetUtcNow(),
            Treatment = treatment is null ? null : new TreatmentDetails
            {
                Product = Blank(treatment.Product), Lot = Blank(treatment.Lot), VolumeMl = treatment.VolumeMl,
                Areas = (treatment.Areas ?? []).Select(a => a.Trim()).Where(a => a.Length > 0).ToList(),
                SessionNumber = treatment.SessionNumber,
            },
        };
        db.Visits.Add(visit);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.VisitCreated(visit), ct);
        return visit;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
