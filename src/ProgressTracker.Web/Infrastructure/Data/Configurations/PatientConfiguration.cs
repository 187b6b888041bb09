namespace ProgressTracker.Web.Infrastructure.Data.Configurations;

internal sealed class PatientConfiguration : IEntityTypeConfiguration<Patient>
{
    public void Configure(EntityTypeBuilder<Patient> p)
    {
        p.Property(x => x.DisplayName).HasMaxLength(200);
        p.Property(x => x.RecordNumber).HasMaxLength(64);
        p.HasIndex(x => x.RecordNumber).IsUnique();
        p.HasIndex(x => x.UserId);
        p.HasMany(x => x.Visits).WithOne(v => v.Patient).HasForeignKey(v => v.PatientId);
    }
}
