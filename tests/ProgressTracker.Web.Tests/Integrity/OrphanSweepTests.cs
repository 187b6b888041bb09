using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Features.Integrity;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Integrity;

/// <summary>
/// The orphan sweep against the real stores: with every referenced blob old enough to be swept, only blobs whose row
/// does not exist go; young ones, unknown shapes and older versions of existing photos stay. Its own app: the grace
/// period is seconds here, and the sweep is run by the test (not on a timer).
/// </summary>
public abstract class OrphanSweepContract
{
    protected abstract StorageMode Mode { get; }

    [Fact]
    public async Task Only_old_blobs_without_a_row_are_removed_and_every_referenced_blob_survives()
    {
        await using var app = await TestApp.StartAsync(Mode, "All", false,
            "--Integrity:OrphanGrace=00:00:04", "--Integrity:Enabled=false");
        var patient = await SeededPatient.CreateAsync(app);
        var api = await ApiClient.SignInAsync(app);
        var export = await api.Http.PostAsJsonAsync($"/api/v1/patients/{patient.Id}/exports",
            new { kind = "side-by-side", view = "left-lateral", photoIds = new[] { patient.LateralPhotos[0], patient.LateralPhotos[2] }, aligned = true });
        Assert.Equal(HttpStatusCode.Accepted, export.StatusCode);
        var exportId = (await export.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        await Api.ExportApiTests.WaitReadyAsync(api, exportId);

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var patientId = Guid.Parse(patient.Id);
        var photoId = Guid.Parse(patient.LateralPhotos[1]);
        var (gone, missingPhoto) = (Guid.NewGuid(), Guid.NewGuid());
        string[] orphans =
        [
            BlobKeys.Original(patientId, missingPhoto, "jpg"), // an upload whose row never committed
            BlobKeys.Derivative(patientId, missingPhoto, BlobVariant.Display, 3),
            BlobKeys.Aligned(patientId, missingPhoto, 2, BlobVariant.Thumb),
            BlobKeys.Export(patientId, gone, "jpg"),
            BlobKeys.Archive(patientId, gone),
            BlobKeys.ConsentSignature(patientId, gone),
            BlobKeys.ConsentForm(patientId, gone, "pdf"),
            BlobKeys.Case(patientId, gone, 1),
        ];
        string[] keptOld =
        [
            BlobKeys.Derivative(patientId, photoId, BlobVariant.Display, 0), // an older recipe of an existing photo
            BlobKeys.Aligned(patientId, photoId, 99, BlobVariant.Display), // another revision of an existing photo
            "notes/not-a-key-shape-we-know.txt",
        ];
        foreach (var key in orphans.Concat(keptOld)) await PutAsync(blobs, key);
        await Task.Delay(TimeSpan.FromSeconds(5)); // everything so far is now older than the grace period
        var young = BlobKeys.Original(patientId, Guid.NewGuid(), "jpg"); // an upload in flight
        await PutAsync(blobs, young);

        var referenced = new List<string>();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await foreach (var blob in ReferencedBlobs.AllAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), default))
                referenced.Add(blob.Key);
        }
        Assert.Contains(referenced, k => k.StartsWith("aligned/", StringComparison.Ordinal));
        Assert.Contains(referenced, k => k.StartsWith("exports/", StringComparison.Ordinal));
        Assert.Contains(referenced, k => k.EndsWith(".webp", StringComparison.Ordinal));

        var result = await app.Services.GetRequiredService<OrphanSweep>().SweepAsync(default);

        Assert.Equal(orphans.Length, result.Removed);
        Assert.Equal(1, result.Unknown);
        foreach (var key in orphans) Assert.False(await blobs.ExistsAsync(key, default), $"{key} should be removed");
        foreach (var key in referenced.Concat(keptOld).Append(young))
            Assert.True(await blobs.ExistsAsync(key, default), $"{key} was removed");
        await app.FlushAuditAsync();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var logged = await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries
                .Where(e => e.Action == AuditActions.BlobOrphanRemoved).Select(e => e.Detail!).ToListAsync();
            Assert.Equal(orphans.Order(StringComparer.Ordinal), logged.Select(d => d.Split(':')[0]).Order(StringComparer.Ordinal));
        }

        // Once past the grace period, the young orphan goes too, and still nothing referenced does.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Equal(1, (await app.Services.GetRequiredService<OrphanSweep>().SweepAsync(default)).Removed);
        Assert.False(await blobs.ExistsAsync(young, default));
        foreach (var key in referenced.Concat(keptOld)) Assert.True(await blobs.ExistsAsync(key, default), $"{key} was removed");
    }

    private static Task PutAsync(IBlobStore blobs, string key) =>
        blobs.PutAsync(key, new MemoryStream([1, 2, 3]), "application/octet-stream", overwrite: false, default);
}

[Trait(Tier.Name, Tier.Fast)]
public sealed class OrphanSweepTests : OrphanSweepContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
}

[Trait(Tier.Name, Tier.Postgres)]
public sealed class OrphanSweepProductionTests : OrphanSweepContract
{
    protected override StorageMode Mode => StorageMode.Production;
}
