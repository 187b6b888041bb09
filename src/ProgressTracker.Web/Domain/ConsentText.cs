namespace ProgressTracker.Web.Domain;

/// <summary>
/// A version of the clinic's consent text (Markdown). Versions are never edited: the clinic publishes a new one,
/// and each consent keeps a copy of the exact text its patient signed.
/// </summary>
public sealed class ConsentText
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    /// <summary>Unique, e.g. "marketing-2026-12".</summary>
    public required string Version { get; init; }
    public required string Title { get; init; }
    public required string Markdown { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public Guid? CreatedBy { get; init; }
}
