namespace ProgressTracker.Web.Domain;

public sealed class Patient
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string DisplayName { get; set; }
    /// <summary>The clinic's own record number, unique within the clinic.</summary>
    public required string RecordNumber { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    /// <summary>The patient's own login, when they have portal access.</summary>
    public Guid? UserId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }

    public List<Visit> Visits { get; init; } = [];
}
