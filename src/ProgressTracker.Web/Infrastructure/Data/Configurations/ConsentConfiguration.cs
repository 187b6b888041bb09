namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class ConsentConfiguration : IEntityTypeConfiguration<Consent>
{
    public void Configure(EntityTypeBuilder<Consent> e)
    {
        e.Property(x => x.Uses).HasConversion(EnumListText<ConsentUse>.Converter, EnumListText<ConsentUse>.Comparer)
            .HasMaxLength(200);
        e.Property(x => x.Views).HasConversion(EnumListText<PhotoView>.Converter, EnumListText<PhotoView>.Comparer)
            .HasMaxLength(200);
        // Chosen photos: unbounded (a consent may name many).
        e.Property(x => x.PhotoIds).HasConversion(GuidListText.Converter, GuidListText.Comparer);
        e.Property(x => x.CoverageKind).StoredAsName();
        e.Property(x => x.Method).StoredAsName();
        e.Property(x => x.TextVersion).HasMaxLength(64);
        e.Property(x => x.TextSha256).HasMaxLength(64);
        e.Property(x => x.SignedName).HasMaxLength(200);
        e.Property(x => x.SignatureKey).HasMaxLength(300);
        e.Property(x => x.FormKey).HasMaxLength(300);
        e.Property(x => x.RevokedVia).HasMaxLength(16);
        e.HasIndex(x => new { x.PatientId, x.CreatedAt });
        e.HasIndex(x => x.RevokedAt);
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}
