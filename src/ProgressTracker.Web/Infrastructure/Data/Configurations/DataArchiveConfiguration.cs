namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class DataArchiveConfiguration : IEntityTypeConfiguration<DataArchive>
{
    public void Configure(EntityTypeBuilder<DataArchive> e)
    {
        e.Property(x => x.Status).StoredAsName();
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.FailureReason).HasMaxLength(1000);
        e.Property(x => x.ResultKey).HasMaxLength(300);
        e.HasIndex(x => new { x.PatientId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.StatusChangedAt });
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
