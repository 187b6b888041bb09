namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.Property(x => x.ActorRole).HasMaxLength(32);
        e.Property(x => x.Action).HasMaxLength(64);
        e.Property(x => x.ResourceType).HasMaxLength(32);
        e.Property(x => x.ResourceId).HasMaxLength(64);
        e.Property(x => x.Outcome).StoredAsName();
        e.Property(x => x.Ip).HasMaxLength(64);
        e.Property(x => x.Detail).HasMaxLength(500);
        e.Property(x => x.PreviousHash).HasMaxLength(64);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.Sequence).IsUnique();
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.ActorId, x.At });
        e.HasIndex(x => new { x.PatientId, x.At });
        e.HasIndex(x => new { x.Action, x.At });
    }
}
