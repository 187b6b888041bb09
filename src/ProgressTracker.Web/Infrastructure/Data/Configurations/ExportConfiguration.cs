namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class ExportConfiguration : IEntityTypeConfiguration<Export>
{
    public void Configure(EntityTypeBuilder<Export> e)
    {
        e.Property(x => x.Kind).StoredAsName();
        e.Property(x => x.View).StoredAsName();
        e.Property(x => x.Status).StoredAsName();
        // At most 24 ids of 32 hex digits and a space each.
        e.Property(x => x.PhotoIds).HasConversion(GuidListText.Converter, GuidListText.Comparer).HasMaxLength(800);
        e.Property(x => x.Watermark).HasMaxLength(60);
        e.Property(x => x.FileName).HasMaxLength(200);
        e.Property(x => x.FailureReason).HasMaxLength(1000);
        e.Property(x => x.ResultKey).HasMaxLength(300);
        e.HasIndex(x => new { x.PatientId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.StatusChangedAt });
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
