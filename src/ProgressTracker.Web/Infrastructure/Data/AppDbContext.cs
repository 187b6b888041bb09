using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>
/// The model, shared by both providers. Each provider has a subclass so it can carry its own migrations
/// (SQLite and PostgreSQL produce different DDL); features only ever see this type.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityDbContext<AppUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    /// <summary>Cookie and token signing keys, shared by every web process of an install.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<Visit> Visits => Set<Visit>();
    public DbSet<Photo> Photos => Set<Photo>();
    public DbSet<ViewBaseline> ViewBaselines => Set<ViewBaseline>();
    public DbSet<Export> Exports => Set<Export>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<Patient>(p =>
        {
            p.Property(x => x.DisplayName).HasMaxLength(200);
            p.Property(x => x.RecordNumber).HasMaxLength(64);
            p.HasIndex(x => x.RecordNumber).IsUnique();
            p.HasIndex(x => x.UserId);
            p.HasMany(x => x.Visits).WithOne(v => v.Patient).HasForeignKey(v => v.PatientId);
        });

        builder.Entity<Visit>(v =>
        {
            v.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            v.Property(x => x.Notes).HasMaxLength(4000);
            v.HasIndex(x => new { x.PatientId, x.Date });
            v.OwnsOne(x => x.Treatment, t =>
            {
                t.Property(x => x.Product).HasMaxLength(200);
                t.Property(x => x.Lot).HasMaxLength(100);
                t.Property(x => x.VolumeMl).HasPrecision(8, 2);
            });
            v.HasMany(x => x.Photos).WithOne(p => p.Visit).HasForeignKey(p => p.VisitId);
        });

        builder.Entity<Photo>(p =>
        {
            p.Property(x => x.View).HasConversion<string>().HasMaxLength(32);
            p.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
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
                a.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
                a.Property(x => x.Method).HasConversion<string>().HasMaxLength(16);
                a.Property(x => x.Reason).HasMaxLength(1000);
                // Six numbers that are always read and written together: one text column, invariant culture.
                a.Property(x => x.Matrix).HasConversion(MatrixText.Converter, MatrixText.Comparer).HasMaxLength(200);
            });
            p.Navigation(x => x.Alignment).IsRequired();
        });

        builder.Entity<ViewBaseline>(b =>
        {
            b.Property(x => x.View).HasConversion<string>().HasMaxLength(32);
            b.HasIndex(x => new { x.PatientId, x.View }).IsUnique();
            b.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId);
            b.HasOne<Photo>().WithMany().HasForeignKey(x => x.PhotoId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<Export>(e =>
        {
            e.Property(x => x.Kind).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.View).HasConversion<string>().HasMaxLength(32);
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(32);
            // At most 24 ids of 32 hex digits and a space each.
            e.Property(x => x.PhotoIds).HasConversion(GuidListText.Converter, GuidListText.Comparer).HasMaxLength(800);
            e.Property(x => x.Watermark).HasMaxLength(60);
            e.Property(x => x.FileName).HasMaxLength(200);
            e.Property(x => x.FailureReason).HasMaxLength(1000);
            e.Property(x => x.ResultKey).HasMaxLength(300);
            e.HasIndex(x => new { x.PatientId, x.CreatedAt });
            e.HasIndex(x => new { x.Status, x.StatusChangedAt });
            e.HasOne<Patient>().WithMany().HasForeignKey(x => x.PatientId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
