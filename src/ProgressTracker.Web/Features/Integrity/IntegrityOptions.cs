namespace ProgressTracker.Web.Features.Integrity;

/// <summary>Section "Integrity": the orphan sweep and the integrity check (decision 0031).</summary>
public sealed class IntegrityOptions
{
    public const string Section = "Integrity";

    /// <summary>
    /// A blob no row references is removed only once it is older than this: far longer than any upload, job or
    /// restore takes between writing a blob and committing its row.
    /// </summary>
    public TimeSpan OrphanGrace { get; set; } = TimeSpan.FromHours(24);
    public TimeSpan OrphanSweepInterval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>How often the check runs: every referenced blob's presence, and a sample of originals re-hashed.</summary>
    public TimeSpan CheckInterval { get; set; } = TimeSpan.FromHours(6);
    /// <summary>Originals re-hashed per check, chosen at random.</summary>
    public int HashSampleSize { get; set; } = 25;
    /// <summary>Off: neither runs on its own (the admin API still runs the check on demand).</summary>
    public bool Enabled { get; set; } = true;
}
