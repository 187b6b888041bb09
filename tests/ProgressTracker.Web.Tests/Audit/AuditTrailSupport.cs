using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>Reads and seals an app's trail directly, so a test does not wait for the sealer's next tick.</summary>
internal static class AuditTrailSupport
{
    public static async Task<List<AuditEntry>> EntriesAsync(TestApp app, Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>>? filter = null)
    {
        await FlushAsync(app);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var query = db.AuditEntries.AsNoTracking();
        return await (filter is null ? query : filter(query)).ToListAsync();
    }

    /// <summary>Entries are written after the response is produced in a few places (the denied-request net): wait.</summary>
    public static Task<List<AuditEntry>> WaitForAsync(TestApp app, Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter,
        string what) =>
        Eventually.Async(() => EntriesAsync(app, filter), rows => rows.Count > 0, what, TimeSpan.FromSeconds(10));

    public static async Task RecordAsync(TestApp app, int count)
    {
        var trail = app.Services.GetRequiredService<IAuditTrail>();
        for (var i = 0; i < count; i++)
            await trail.RecordAsync(new AuditEvent(AuditActions.PatientViewed, ResourceType: "patient",
                ResourceId: Guid.NewGuid().ToString(), PatientId: Guid.NewGuid(), Detail: $"test {i}"));
    }

    public static Task FlushAsync(TestApp app) => app.FlushAuditAsync();

    public static async Task<int> SealAsync(TestApp app)
    {
        await FlushAsync(app);
        return await app.Services.GetRequiredService<AuditSealer>().SealAsync(CancellationToken.None);
    }

    public static async Task<AuditVerification> VerifyAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(CancellationToken.None);
    }

    /// <summary>Raw SQL as a database owner would run it, on the app's own connection settings.</summary>
    public static async Task<int> SqlAsync(TestApp app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>What a database owner does first: take the append-only triggers away.</summary>
    public static Task DropTriggersAsync(TestApp app) => SqlAsync(app, app.Mode == StorageMode.Production
        ? "ALTER TABLE \"AuditEntries\" DISABLE TRIGGER USER"
        : "DROP TRIGGER \"AuditEntries_no_update\"; DROP TRIGGER \"AuditEntries_no_delete\";");
}
