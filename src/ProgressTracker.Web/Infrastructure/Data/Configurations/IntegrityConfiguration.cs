namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class StoredFindingConfiguration : IEntityTypeConfiguration<StoredFinding>
{
    public void Configure(EntityTypeBuilder<StoredFinding> e)
    {
        e.ToTable("IntegrityFindings");
        e.Property(x => x.Kind).StoredAsName();
        e.Property(x => x.ResourceType).HasMaxLength(32);
        e.Property(x => x.BlobKey).HasMaxLength(512);
        // One open finding per blob and kind, even when several workers check at once; resolved ones pile up freely.
        // The filter is the same SQL for SQLite and PostgreSQL.
        e.HasIndex(x => new { x.BlobKey, x.Kind }).IsUnique().HasFilter("\"ResolvedAt\" IS NULL");
        e.HasIndex(x => new { x.ResourceId, x.ResolvedAt });
        e.HasIndex(x => x.ResolvedAt);
        // No foreign keys: a finding is a report about a row, and must neither block nor follow that row's removal.
    }
}

internal sealed class IntegrityCheckRunConfiguration : IEntityTypeConfiguration<IntegrityCheckRun>
{
    public void Configure(EntityTypeBuilder<IntegrityCheckRun> e)
    {
        e.Property(x => x.Trigger).HasMaxLength(16);
        e.HasIndex(x => x.CheckedAt);
    }
}
