namespace ProgressTracker.Web.Features.Patients;

/// <summary>Validates and stores a new patient; used by the page and the API.</summary>
public sealed class CreatePatientHandler(AppDbContext db, TimeProvider clock, IAuditTrail audit)
{
    public async Task<Result<Patient>> HandleAsync(
        CreatePatientRequest request, CancellationToken ct)
    {
        var name = request.DisplayName?.Trim();
        var record = request.RecordNumber?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200)
            return Rejection.Invalid("Enter the patient's display name (up to 200 characters).");
        if (string.IsNullOrEmpty(record) || record.Length > 64)
            return Rejection.Invalid("Enter the clinic record number (up to 64 characters).");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.DateOfBirth is { } dob && (dob > today || dob.Year < 1900))
            return Rejection.Invalid("The date of birth must be a real date in the past.");
        if (await db.Patients.AnyAsync(p => p.RecordNumber == record, ct))
            return Rejection.Conflict($"A patient with record number {record} already exists.");

        var patient = new Patient
        {
            DisplayName = name, RecordNumber = record, DateOfBirth = request.DateOfBirth,
            CreatedAt = clock.GetUtcNow(),
        };
        db.Patients.Add(patient);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(AuditEvents.PatientCreated(patient), ct);
        return patient;
    }
}
