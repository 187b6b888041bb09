namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class DeletionRequestConfiguration : IEntityTypeConfiguration<DeletionRequest>
{
    public void Configure(EntityTypeBuilder<DeletionRequest> e)
    {
        e.Property(x => x.Status).StoredAsName();
        e.Property(x => x.Message).HasMaxLength(2000);
        e.Property(x => x.DecisionReason).HasMaxLength(2000);
        e.HasIndex(x => new { x.PatientId, x.RequestedAt });
        e.HasIndex(x => x.Status);
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
