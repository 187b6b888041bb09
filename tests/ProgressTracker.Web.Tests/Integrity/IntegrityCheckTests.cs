using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Integrity;

/// <summary>
/// The integrity check against the real stores, through the admin API: a clean clinic has no findings; an original
/// deleted from storage is reported missing (its row stays, nothing is hidden); an original whose bytes were changed
/// in storage is reported as a hash mismatch.
/// </summary>
public abstract class IntegrityCheckContract
{
    protected abstract StorageMode Mode { get; }

    [Fact]
    public async Task A_deleted_original_is_reported_missing_and_a_tampered_one_as_a_mismatch()
    {
        await using var app = await TestApp.StartAsync(Mode, "All", false, "--Integrity:Enabled=false");
        var api = await ApiClient.SignInAsync(app);
        var visit = (await api.CreateVisitAsync((await api.CreatePatientAsync()).GetProperty("id").GetString()!))
            .GetProperty("id").GetString()!;
        var ids = new List<string>();
        foreach (var (view, seed) in new[] { ("front", 1), ("back", 2), ("left-lateral", 3) })
            ids.Add(await api.UploadReadyAsync(visit, TestImages.Jpeg(seed: seed), view));
        var admin = await AdminApiAsync(app);

        var clean = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/integrity?sample=100");
        Assert.Empty(clean.GetProperty("findings").EnumerateArray());
        Assert.Equal(3, clean.GetProperty("originalsHashed").GetInt32());
        Assert.True(clean.GetProperty("referencesChecked").GetInt32() >= 3 * 6);

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var deleted = await OriginalKeyAsync(app, ids[0]);
        var tampered = await OriginalKeyAsync(app, ids[1]);
        await blobs.DeleteAsync(deleted, default);
        var bytes = await blobs.ReadAllBytesAsync(tampered, default);
        bytes![^10] ^= 0xFF; // one byte near the end: the JPEG still decodes, the hash does not match
        await blobs.PutAsync(tampered, new MemoryStream(bytes), "image/jpeg", overwrite: true, default);

        var report = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/integrity?sample=100");
        var findings = report.GetProperty("findings").EnumerateArray()
            .Select(f => (Kind: f.GetProperty("kind").GetString(), Id: f.GetProperty("ownerId").GetString(), Key: f.GetProperty("key").GetString()))
            .ToList();
        Assert.Equal([("missing", ids[0], deleted), ("hash-mismatch", ids[1], tampered)], findings);
        // The row is still there for the clinician: reported, never dropped.
        Assert.Equal("ready", (await api.GetPhotoAsync(ids[0])).GetProperty("status").GetString());

        var clinician = await api.Http.GetAsync("/api/v1/admin/integrity");
        Assert.True(clinician.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, clinician.StatusCode.ToString());
    }

    private static async Task<string> OriginalKeyAsync(TestApp app, string photoId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Data.AppDbContext>();
        return (await db.Photos.FindAsync(Guid.Parse(photoId)))!.OriginalKey;
    }

    private static async Task<HttpClient> AdminApiAsync(TestApp app)
    {
        const string email = "integrity-admin@test.local";
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Identity.UserAccounts>()
                .AddAsync(email, "Admin", TestApp.Password, CancellationToken.None);
        return (await ApiClient.SignInAsync(app, email)).Http;
    }
}

[Trait(Tier.Name, Tier.Fast)]
public sealed class IntegrityCheckTests : IntegrityCheckContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
}

[Trait(Tier.Name, Tier.Postgres)]
public sealed class IntegrityCheckProductionTests : IntegrityCheckContract
{
    protected override StorageMode Mode => StorageMode.Production;
}
