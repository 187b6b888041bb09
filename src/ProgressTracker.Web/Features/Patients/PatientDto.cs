namespace ProgressTracker.Web.Features.Patients;

public sealed record PatientDto(Guid Id, string DisplayName, string RecordNumber, DateOnly? DateOfBirth,
    DateTimeOffset CreatedAt)
{
    public static PatientDto From(Patient p) => new(p.Id, p.DisplayName, p.RecordNumber, p.DateOfBirth, p.CreatedAt);
}

public sealed record CreatePatientRequest(string? DisplayName, string? RecordNumber, DateOnly? DateOfBirth);

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total);
