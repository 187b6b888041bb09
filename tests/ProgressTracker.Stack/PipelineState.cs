using Azure.Storage.Blobs;
using Npgsql;

namespace ProgressTracker.Stack;

/// <summary>A photo row as the pipeline left it.</summary>
public sealed record PhotoRow(Guid Id, Guid VisitId, string ContentHash, string Status, string AlignmentStatus,
    int Attempts, DateTimeOffset UploadedAt, DateTimeOffset StatusChangedAt, DateTimeOffset? AlignedAt,
    string OriginalKey, string? MasterKey, string? DisplayKey, string? ThumbKey);

/// <summary>Reads what the stack stored, straight from PostgreSQL and the blob container.</summary>
public static class PipelineState
{
    public static async Task<List<PhotoRow>> PhotosAsync(ProductionStack stack)
    {
        await using var db = await stack.OpenDatabaseAsync();
        await using var query = new NpgsqlCommand(
            """
            SELECT "Id", "VisitId", "ContentHash", "Status", "Alignment_Status", "ProcessingAttempts", "UploadedAt",
                   "StatusChangedAt", "Alignment_UpdatedAt", "OriginalKey", "MasterKey", "DisplayKey", "ThumbKey"
            FROM "Photos"
            """, db);
        await using var reader = await query.ExecuteReaderAsync();
        var rows = new List<PhotoRow>();
        while (await reader.ReadAsync())
            rows.Add(new PhotoRow(reader.GetGuid(0), reader.GetGuid(1), reader.GetString(2), reader.GetString(3),
                reader.GetString(4), reader.GetInt32(5), reader.GetFieldValue<DateTimeOffset>(6),
                reader.GetFieldValue<DateTimeOffset>(7),
                reader.IsDBNull(8) ? null : reader.GetFieldValue<DateTimeOffset>(8), reader.GetString(9),
                reader.IsDBNull(10) ? null : reader.GetString(10), reader.IsDBNull(11) ? null : reader.GetString(11),
                reader.IsDBNull(12) ? null : reader.GetString(12)));
        return rows;
    }

    /// <summary>A photo is through the pipeline when it is Ready and its alignment is settled.</summary>
    public static bool IsDone(PhotoRow row) => row.Status == "Ready" && row.AlignmentStatus != "Pending";

    /// <summary>Every blob key in the stack's container.</summary>
    public static async Task<List<string>> BlobKeysAsync(ProductionStack stack)
    {
        var container = new BlobContainerClient(stack.Services.Azurite, stack.Container);
        var keys = new List<string>();
        await foreach (var blob in container.GetBlobsAsync()) keys.Add(blob.Name);
        return keys;
    }

    /// <summary>
    /// Photo blobs (originals, derivatives, aligned renderings: keys <c>kind/patient/photo/…</c>) whose photo has no
    /// row: what an interrupted upload would leave behind.
    /// </summary>
    public static List<string> Orphans(IEnumerable<string> keys, IEnumerable<PhotoRow> photos)
    {
        var ids = photos.Select(p => p.Id.ToString("N")).ToHashSet();
        return keys.Where(k => k.Split('/') is [var kind, _, var photo, ..] && PhotoKinds.Contains(kind) && !ids.Contains(photo))
            .ToList();
    }

    private static readonly HashSet<string> PhotoKinds = ["originals", "derived", "aligned"];
}
