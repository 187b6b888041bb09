namespace ProgressTracker.Web.Domain;

/// <summary>What an integrity check found: a file a row references is gone, or an original's bytes changed.</summary>
public enum FindingKind { Missing, HashMismatch }

/// <summary>
/// One integrity finding as the admin page shows it, kept until a later check no longer sees it. At most one open
/// finding per blob and kind (a unique index), so repeated checks only move <see cref="LastSeenAt"/>. The finding
/// never changes the row or the blob it is about; "resolved" only means a check saw the file whole again (or the row
/// that referenced it is gone).
/// </summary>
public sealed class StoredFinding
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public FindingKind Kind { get; init; }
    /// <summary>The kind of row that references the blob, lower-case: <c>photo</c>, <c>export</c>, <c>consent</c>…</summary>
    public required string ResourceType { get; init; }
    public Guid ResourceId { get; init; }
    public Guid PatientId { get; init; }
    public required string BlobKey { get; init; }
    public DateTimeOffset FirstFoundAt { get; init; }
    public DateTimeOffset LastSeenAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }

    public bool IsOpen => ResolvedAt is null;
}

/// <summary>One run of the integrity check: when, what started it, how much it looked at and what it found.</summary>
public sealed class IntegrityCheckRun
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public DateTimeOffset CheckedAt { get; init; }
    /// <summary><c>scheduled</c> (the periodic pass) or <c>admin</c> ("Check now").</summary>
    public required string Trigger { get; init; }
    /// <summary>Rows whose blobs were looked for (photos, exports, archives, consents, cases).</summary>
    public int RowsChecked { get; init; }
    public int ReferencesChecked { get; init; }
    public int OriginalsHashed { get; init; }
    public int Missing { get; init; }
    public int Mismatched { get; init; }
    public int Resolved { get; init; }
}
