namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class ConsentTextConfiguration : IEntityTypeConfiguration<ConsentText>
{
    public void Configure(EntityTypeBuilder<ConsentText> e)
    {
        e.Property(x => x.Version).HasMaxLength(64);
        e.HasIndex(x => x.Version).IsUnique();
        e.Property(x => x.Title).HasMaxLength(200);
    }
}
