using System.Runtime.Versioning;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Security;

/// <summary>
/// The embedded default keeps patient records and photos in plain files: only the account the app runs as may read
/// them, whatever the machine's umask.
/// </summary>
[Trait(Tier.Name, Tier.Fast), UnsupportedOSPlatform("windows")]
public sealed class FilePermissionTests
{
    private const UnixFileMode OwnerDirectory = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Data_folder_database_and_blobs_are_owner_only()
    {
        var parent = Path.Combine(Path.GetTempPath(), "pt-tests", Guid.NewGuid().ToString("N"));
        var data = Path.Combine(parent, "data"); // not there yet: the app creates it
        try
        {
            await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: [$"--App:DataDirectory={data}"]);
            var api = await ApiClient.SignInAsync(app);
            var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
            var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
            await api.UploadReadyAsync(visit, TestImages.Jpeg(600, 800), "front");

            Assert.Equal(OwnerDirectory, File.GetUnixFileMode(data));
            var database = Path.Combine(data, "progresstracker.db");
            foreach (var file in new[] { database, database + "-wal", database + "-shm" })
                Assert.Equal(OwnerFile, File.GetUnixFileMode(file));
            // The job queue's own SQLite file (decision 0028); SQLite gives its -wal and -shm the file's mode.
            var jobs = Path.Combine(data, "jobs.db");
            Assert.True(File.Exists(jobs), "the embedded default keeps its job queue in jobs.db");
            foreach (var file in new[] { jobs, jobs + "-wal", jobs + "-shm" }.Where(File.Exists))
                Assert.Equal(OwnerFile, File.GetUnixFileMode(file));

            var blobs = Path.Combine(data, "blobs");
            var folders = Directory.GetDirectories(blobs, "*", SearchOption.AllDirectories).Append(blobs).ToList();
            var files = Directory.GetFiles(blobs, "*", SearchOption.AllDirectories);
            Assert.True(files.Length >= 3, "the original and its derivatives are on disk");
            Assert.All(folders, f => Assert.Equal(OwnerDirectory, File.GetUnixFileMode(f)));
            Assert.All(files, f => Assert.Equal(OwnerFile, File.GetUnixFileMode(f)));
        }
        finally
        {
            if (Directory.Exists(parent)) Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public async Task An_existing_data_folder_and_database_file_are_tightened_at_start()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        var database = Path.Combine(app.DataDirectory, "progresstracker.db");
        await app.StopAsync();
        File.SetUnixFileMode(database, OwnerFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(app.DataDirectory, OwnerDirectory | UnixFileMode.GroupRead | UnixFileMode.GroupExecute |
            UnixFileMode.OtherRead | UnixFileMode.OtherExecute);

        await app.StartAsync("All");
        Assert.Equal(OwnerFile, File.GetUnixFileMode(database));
        Assert.Equal(OwnerDirectory, File.GetUnixFileMode(app.DataDirectory));
    }
}
