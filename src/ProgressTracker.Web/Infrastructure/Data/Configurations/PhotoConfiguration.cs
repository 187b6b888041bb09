namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class PhotoConfiguration : IEntityTypeConfiguration<Photo>
{
    public void Configure(EntityTypeBuilder<Photo> p)
    {
        p.Property(x => x.View).StoredAsName();
        p.Property(x => x.Status).StoredAsName();
        p.Property(x => x.FailureReason).HasMaxLength(1000);
        p.Property(x => x.ContentHash).HasMaxLength(80);
        p.Property(x => x.OriginalKey).HasMaxLength(300);
        p.Property(x => x.OriginalFormat).HasMaxLength(16);
        p.Property(x => x.OriginalFileName).HasMaxLength(260);
        p.Property(x => x.MasterKey).HasMaxLength(300);
        p.Property(x => x.ThumbKey).HasMaxLength(300);
        p.Property(x => x.DisplayKey).HasMaxLength(300);
        // The same bytes uploaded twice to one visit are one photo.
        p.HasIndex(x => new { x.VisitId, x.ContentHash }).IsUnique();
        p.HasIndex(x => new { x.PatientId, x.View });
        p.HasIndex(x => new { x.Status, x.StatusChangedAt });
        p.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        p.OwnsOne(x => x.Alignment, a =>
        {
            a.Property(x => x.Status).StoredAsName();
            a.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
            a.Property(x => x.Reason).HasMaxLength(1000);
            // Six numbers that are always read and written together: one text column, invariant culture.
            a.Property(x => x.Matrix).HasConversion(MatrixText.Converter, MatrixText.Comparer).HasMaxLength(200);
        });
        p.Navigation(x => x.Alignment).IsRequired();
        p.OwnsOne(x => x.Measurement, m =>
        {
            m.Property(x => x.Status).StoredAsName();
            m.Property(x => x.Result).HasMaxLength(4000);
            m.Property(x => x.Overlay).HasMaxLength(100_000);
        });
        p.Navigation(x => x.Measurement).IsRequired();
    }
}
