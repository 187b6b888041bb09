namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class MarketingCaseConfiguration : IEntityTypeConfiguration<MarketingCase>
{
    public void Configure(EntityTypeBuilder<MarketingCase> e)
    {
        e.Property(x => x.Code).HasMaxLength(16);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.View).StoredAsName();
        e.Property(x => x.CropKind).StoredAsName();
        e.Property(x => x.Status).StoredAsName();
        e.Property(x => x.Blur).HasConversion(BlurSpotsText.Converter, BlurSpotsText.Comparer);
        e.Property(x => x.Caption).HasMaxLength(400);
        e.Property(x => x.Watermark).HasMaxLength(80);
        e.Property(x => x.ConsentIds).HasConversion(GuidListText.Converter, GuidListText.Comparer);
        e.Property(x => x.ImageKey).HasMaxLength(300);
        e.Property(x => x.ImageSha256).HasMaxLength(64);
        e.Property(x => x.ApprovedSha256).HasMaxLength(64);
        e.Property(x => x.FailureReason).HasMaxLength(500);
        e.Property(x => x.WithdrawnReason).HasMaxLength(200);
        e.HasIndex(x => new { x.PatientId, x.Status });
        e.HasIndex(x => new { x.Status, x.StatusChangedAt });
        e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class GalleryConfiguration : IEntityTypeConfiguration<Gallery>
{
    public void Configure(EntityTypeBuilder<Gallery> e)
    {
        e.Property(x => x.Title).HasMaxLength(120);
        e.Property(x => x.Status).StoredAsName();
        e.Property(x => x.PublicToken).HasMaxLength(64);
        e.Ignore(x => x.PublicItems);
        e.HasIndex(x => x.PublicToken).IsUnique();
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.GalleryId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GalleryItemConfiguration : IEntityTypeConfiguration<GalleryItem>
{
    public void Configure(EntityTypeBuilder<GalleryItem> e)
    {
        e.Property(x => x.ImageToken).HasMaxLength(64);
        e.HasIndex(x => x.ImageToken).IsUnique();
        e.Property(x => x.RemovedReason).HasMaxLength(200);
        e.HasIndex(x => x.CaseId);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CaseCopyConfiguration : IEntityTypeConfiguration<CaseCopy>
{
    public void Configure(EntityTypeBuilder<CaseCopy> e)
    {
        e.Property(x => x.Kind).StoredAsName();
        e.Property(x => x.What).HasMaxLength(300);
        e.Property(x => x.ByName).HasMaxLength(256);
        e.Property(x => x.RemovedNote).HasMaxLength(300);
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => x.TakedownRequestedAt);
        e.HasOne<MarketingCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Restrict);
    }
}
