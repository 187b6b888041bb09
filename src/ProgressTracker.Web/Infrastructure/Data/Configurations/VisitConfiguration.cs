namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class VisitConfiguration : IEntityTypeConfiguration<Visit>
{
    public void Configure(EntityTypeBuilder<Visit> v)
    {
        v.Property(x => x.Kind).StoredAsName();
        v.Property(x => x.Notes).HasMaxLength(4000);
        v.Property(x => x.PatientNote).HasMaxLength(4000);
        v.HasIndex(x => new { x.PatientId, x.Date });
        v.OwnsOne(x => x.Treatment, t =>
        {
            t.Property(x => x.Product).HasMaxLength(200);
            t.Property(x => x.Lot).HasMaxLength(100);
            t.Property(x => x.VolumeMl).HasPrecision(8, 2);
        });
        v.HasMany(x => x.Photos).WithOne(p => p.Visit).HasForeignKey(p => p.VisitId);
    }
}
