using System.Net;
using Azure.Storage.Blobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Integrity;

/// <summary>
/// infra/backup.sh and infra/restore.sh as an operator runs them: a clinic on PostgreSQL + Azurite is backed up while
/// the app runs, restored onto a second PostgreSQL + Azurite started by infra/services.sh, and the app started on the
/// restored data serves every photo, derivative and aligned image byte for byte, with every audit entry and an
/// intact hash chain.
/// </summary>
[Trait(Tier.Name, Tier.Postgres)]
public sealed class BackupRestoreTests
{
    private static readonly string[] Variants = ["original", "display", "display?format=webp", "thumb", "thumb?format=webp"];
    private static readonly string[] AlignedVariants = ["aligned", "aligned-thumb"];

    [Fact]
    public async Task A_backup_restored_into_empty_services_serves_every_photo_derivative_alignment_and_audit_entry()
    {
        await using var source = await TestApp.StartAsync(StorageMode.Production);
        await SeededPatient.CreateAsync(source);
        await SeededPatient.CreateAsync(source);
        var photos = await PhotoIdsAsync(source);
        Assert.Equal(10, photos.Count);
        var before = await SnapshotAsync(source, photos); // viewing the media also writes audit entries
        Assert.All(before.Values, p => Assert.Equal(AlignedVariants.Length + Variants.Length, p.Media.Count));
        await SealAsync(source);
        var entries = (await EntriesAsync(source)).Where(e => e.Sequence != null).ToDictionary(e => e.Sequence!.Value, e => e.Hash);
        Assert.True(entries.Count > 20, $"only {entries.Count} sealed audit entries");

        var folder = Path.Combine(Path.GetTempPath(), $"pt-backup-{Guid.NewGuid():N}");
        var config = source.Services.GetRequiredService<IConfiguration>();
        var backup = await Scripts.RunAsync("infra/backup.sh", [folder], new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = config.GetConnectionString("Postgres")!,
            ["Storage__AzureConnectionString"] = config["Storage:AzureConnectionString"]!,
            ["Storage__Container"] = config["Storage:Container"]!,
        });
        Assert.True(backup.ExitCode == 0, backup.ToString());
        var verified = System.Text.RegularExpressions.Regex.Match(backup.Errors, @"All (\d+) referenced blobs are in the copy");
        Assert.True(verified.Success && int.Parse(verified.Groups[1].Value) >= 10 * 5, backup.ToString());
        var sourceKeys = await KeysAsync(config["Storage:AzureConnectionString"]!, config["Storage:Container"]!);
        var manifest = await File.ReadAllLinesAsync(Path.Combine(folder, "manifest.tsv"));
        Assert.Equal(sourceKeys, manifest.Select(l => l.Split('\t')[0]).ToHashSet());

        await using var target = await ProgressTracker.Stack.StackServices.StartAsync("restore"); // "another machine"
        var restoredDb = new NpgsqlConnectionStringBuilder(target.Postgres) { Database = "pt_restored", Pooling = false }.ConnectionString;
        var restoreEnv = new Dictionary<string, string>
        {
            ["ConnectionStrings__Postgres"] = restoredDb,
            ["Storage__AzureConnectionString"] = target.Azurite,
            ["Storage__Container"] = "restored",
        };
        var restore = await Scripts.RunAsync("infra/restore.sh", [folder], restoreEnv);
        Assert.True(restore.ExitCode == 0, restore.ToString());
        Assert.Equal(sourceKeys, await KeysAsync(target.Azurite, "restored"));

        // Restoring again over the now non-empty services is refused: a restore never overwrites data.
        var again = await Scripts.RunAsync("infra/restore.sh", [folder], restoreEnv);
        Assert.Equal(2, again.ExitCode);

        await using var restored = await TestApp.StartAsync(StorageMode.Production, "All", false,
            $"--ConnectionStrings:Postgres={restoredDb}", $"--Storage:AzureConnectionString={target.Azurite}",
            "--Storage:Container=restored");
        var after = await SnapshotAsync(restored, photos);
        foreach (var (id, photo) in before)
        {
            Assert.Equal(photo.State, after[id].State);
            foreach (var (variant, bytes) in photo.Media) Assert.Equal(bytes, after[id].Media[variant]);
        }
        var restoredEntries = (await EntriesAsync(restored)).Where(e => e.Sequence != null)
            .ToDictionary(e => e.Sequence!.Value, e => e.Hash);
        foreach (var (sequence, hash) in entries) Assert.Equal(hash, restoredEntries[sequence]);
        await SealAsync(restored);
        Assert.True((await VerifyAsync(restored)).Ok);
        Directory.Delete(folder, recursive: true);
    }

    private sealed record PhotoSnapshot(string State, Dictionary<string, byte[]> Media);

    private static async Task<List<Guid>> PhotoIdsAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Photos.Select(p => p.Id).ToListAsync();
    }

    /// <summary>Each photo's status and alignment as the API shows them, and the bytes of every media variant.</summary>
    private static async Task<Dictionary<Guid, PhotoSnapshot>> SnapshotAsync(TestApp app, List<Guid> photos)
    {
        var api = await ApiClient.SignInAsync(app);
        using var blobs = new HttpClient();
        var result = new Dictionary<Guid, PhotoSnapshot>();
        foreach (var id in photos)
        {
            var json = await api.GetPhotoAsync(id.ToString());
            var alignment = json.GetProperty("alignment");
            var state = json.GetRawText(); // status, alignment (matrix, score, status) and revision-named links
            var media = new Dictionary<string, byte[]>();
            var variants = alignment.GetProperty("status").GetString() is "aligned" or "needs-review"
                ? Variants.Concat(AlignedVariants) : Variants;
            foreach (var variant in variants)
            {
                var response = await api.Http.GetAsync($"/api/v1/photos/{id}/media/{variant}");
                Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{variant} of {id}: {response.StatusCode}");
                var bytes = await blobs.GetByteArrayAsync(response.Headers.Location);
                Assert.NotEmpty(bytes);
                media[variant] = bytes;
            }
            result[id] = new PhotoSnapshot(state, media);
        }
        return result;
    }

    private static async Task<HashSet<string>> KeysAsync(string connection, string container)
    {
        var keys = new HashSet<string>();
        await foreach (var blob in new BlobContainerClient(connection, container).GetBlobsAsync()) keys.Add(blob.Name);
        return keys;
    }
}
