namespace ProgressTracker.Web.Domain;

/// <summary>
/// A record that belongs to one patient's file: a visit, a photo, an export, a baseline choice. Ids are version-7
/// GUIDs, so they sort by creation and never reveal a count. Access is decided through <see cref="PatientId"/>.
/// </summary>
public abstract class PatientRecord
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid PatientId { get; init; }
}

/// <summary>Background work whose row is the truth: the sweep queues it again, or gives up after too many tries.</summary>
public interface ISweptWork
{
    Guid Id { get; }
    int Attempts { get; }
    void MarkQueued(DateTimeOffset now);
    void MarkFailed(string reason, DateTimeOffset now);
}
