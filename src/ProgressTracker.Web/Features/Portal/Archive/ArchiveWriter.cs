using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// Writes an archive's zip in one forward pass (the output need not be seekable): the photos one by one as they are
/// read from storage, then visits.json and README.txt. Photos are stored, not deflated: JPEG does not shrink.
/// </summary>
public sealed class ArchiveWriter(IBlobStore blobs, PortalOptions options, ILogger<ArchiveWriter> log)
{
    public const string VisitsEntry = "visits.json";
    public const string ReadmeEntry = "README.txt";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    /// <summary>Writes the zip; reports each photo written (1-based) and returns how many photos went in.</summary>
    public async Task<int> WriteAsync(Stream output, ArchivePlan plan, DateTimeOffset createdAt,
        Func<int, Task> photoWritten, CancellationToken ct)
    {
        var included = 0;
        var missing = 0;
        await using (var zip = await ZipArchive.CreateAsync(output, ZipArchiveMode.Create, leaveOpen: true,
                         entryNameEncoding: Encoding.UTF8, ct))
        {
            for (var i = 0; i < plan.Photos.Count; i++)
            {
                var photo = plan.Photos[i];
                await using (var source = await blobs.OpenReadAsync(photo.BlobKey, ct))
                {
                    if (source is null)
                    {
                        // A lost derivative must not cost the patient the rest of the archive; README says so.
                        log.LogWarning("Archive photo skipped: display image {Key} is missing from storage", photo.BlobKey);
                        missing++;
                    }
                    else
                    {
                        var entry = zip.CreateEntry(photo.EntryName, CompressionLevel.NoCompression);
                        entry.LastWriteTime = new DateTimeOffset(photo.Date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
                        await using var target = await entry.OpenAsync(ct);
                        await source.CopyToAsync(target, ct);
                        included++;
                    }
                }
                await photoWritten(i + 1);
            }

            var visits = zip.CreateEntry(VisitsEntry, CompressionLevel.Optimal);
            visits.LastWriteTime = createdAt;
            await using (var json = await visits.OpenAsync(ct))
                await JsonSerializer.SerializeAsync(json, plan.Visits, Json, ct);

            var readme = zip.CreateEntry(ReadmeEntry, CompressionLevel.Optimal);
            readme.LastWriteTime = createdAt;
            await using (var text = await readme.OpenAsync(ct))
                await text.WriteAsync(Encoding.UTF8.GetBytes(ArchiveReadme.Text(options.ClinicName, createdAt, included, missing)), ct);
        }
        return included;
    }
}
