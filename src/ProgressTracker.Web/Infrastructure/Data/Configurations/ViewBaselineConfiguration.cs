namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class ViewBaselineConfiguration : IEntityTypeConfiguration<ViewBaseline>
{
    public void Configure(EntityTypeBuilder<ViewBaseline> b)
    {
        b.Property(x => x.View).StoredAsName();
        b.HasIndex(x => new { x.PatientId, x.View }).IsUnique();
        b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId);
        b.HasOne<Photo>().WithMany().HasForeignKey(x => x.PhotoId).OnDelete(DeleteBehavior.Restrict);
    }
}
