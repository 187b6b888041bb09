using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data.Configurations;

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
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<RefreshToken> RefreshTokens => Set<RefreshToken>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<DataArchive> DataArchives => Set<DataArchive>();
    public DbSet<DeletionRequest> DeletionRequests => Set<DeletionRequest>();
    public DbSet<Consent> Consents => Set<Consent>();
    public DbSet<ConsentText> ConsentTexts => Set<ConsentText>();
    public DbSet<MarketingCase> MarketingCases => Set<MarketingCase>();
    public DbSet<Gallery> Galleries => Set<Gallery>();
    public DbSet<GalleryItem> GalleryItems => Set<GalleryItem>();
    public DbSet<CaseCopy> CaseCopies => Set<CaseCopy>();
    public DbSet<StoredFinding> IntegrityFindings => Set<StoredFinding>();
    public DbSet<IntegrityCheckRun> IntegrityCheckRuns => Set<IntegrityCheckRun>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // One class per entity in Configurations/, applied in a fixed order.
        builder.ApplyConfiguration(new PatientConfiguration());
        builder.ApplyConfiguration(new VisitConfiguration());
        builder.ApplyConfiguration(new PhotoConfiguration());
        builder.ApplyConfiguration(new ViewBaselineConfiguration());
        builder.ApplyConfiguration(new ExportConfiguration());
        builder.ApplyConfiguration(new AuditEntryConfiguration());
        builder.ApplyConfiguration(new RefreshTokenConfiguration());
        builder.ApplyConfiguration(new InvitationConfiguration());
        builder.ApplyConfiguration(new DataArchiveConfiguration());
        builder.ApplyConfiguration(new DeletionRequestConfiguration());
        builder.ApplyConfiguration(new ConsentConfiguration());
        builder.ApplyConfiguration(new ConsentTextConfiguration());
        builder.ApplyConfiguration(new MarketingCaseConfiguration());
        builder.ApplyConfiguration(new GalleryConfiguration());
        builder.ApplyConfiguration(new GalleryItemConfiguration());
        builder.ApplyConfiguration(new CaseCopyConfiguration());
        builder.ApplyConfiguration(new StoredFindingConfiguration());
        builder.ApplyConfiguration(new IntegrityCheckRunConfiguration());
    }
}
