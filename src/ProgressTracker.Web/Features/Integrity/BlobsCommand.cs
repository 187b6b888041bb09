namespace ProgressTracker.Web.Features.Integrity;

/// <summary>
/// `blobs export DIR`, `blobs import DIR`, `blobs verify DIR --references FILE|-`: the blob half of a backup, through
/// the configured blob store (same configuration as the server), so the scripts need no storage tool of their own.
/// Exit codes: 0 done, 1 failed (verify: a referenced blob is missing), 2 bad arguments.
/// </summary>
public static class BlobsCommand
{
    public const string Usage =
        "Usage: blobs export <dir>    copy every blob of the configured store into <dir>/blobs and write <dir>/manifest.tsv\n" +
        "       blobs import <dir>    load such a copy into the configured store, which must be empty\n" +
        "       blobs verify <dir> --references <file|->   check that the copy holds every blob the rows of a\n" +
        "                             `pg_restore --data-only -f -` listing reference\n" +
        "       [--Storage:Provider=… and other settings as for the server]";

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "blobs";

    public static async Task<int> RunAsync(string[] args, CancellationToken ct = default)
    {
        if (args.Length < 3 || args[1] is not ("export" or "import" or "verify"))
            return await BadArgumentsAsync("Missing sub-command or folder.");
        var folder = new BlobFolder(Path.GetFullPath(args[2]));
        var rest = args[3..];
        try
        {
            if (args[1] == "verify") return await VerifyAsync(folder, rest, ct);
            if (rest.Any(a => !a.StartsWith("--", StringComparison.Ordinal)))
                return await BadArgumentsAsync($"Unknown arguments: {string.Join(' ', rest)}");
            await using var app = AppHost.Build(rest, AppHost.Purpose.Command);
            var store = app.Services.GetRequiredService<IBlobStore>();
            if (args[1] == "export")
            {
                Directory.CreateDirectory(args[2]);
                var entries = await folder.ExportAsync(store, ct);
                Console.WriteLine($"Exported {entries.Count} blobs ({entries.Sum(e => e.Size)} bytes) to {args[2]}.");
            }
            else
            {
                var count = await folder.ImportAsync(store, ct);
                Console.WriteLine($"Imported {count} blobs from {args[2]}; every hash matched the manifest.");
            }
            return 0;
        }
        catch (Exception e) when (e is InvalidOperationException or InvalidDataException or IOException or FormatException)
        {
            await Console.Error.WriteLineAsync($"blobs {args[1]} failed: {e.Message}");
            return 1;
        }
    }

    private static async Task<int> VerifyAsync(BlobFolder folder, string[] rest, CancellationToken ct)
    {
        if (rest is not ["--references", var source]) return await BadArgumentsAsync("verify needs --references <file|->.");
        using var reader = source == "-" ? Console.In : new StreamReader(source);
        var (count, missing) = await folder.VerifyAsync(DumpReferences.ReadAsync(reader, ct), ct);
        foreach (var blob in missing.Take(50))
            await Console.Error.WriteLineAsync($"missing: {blob.Key} ({blob.Kind.ToString().ToLowerInvariant()} {blob.OwnerId:N})");
        if (missing.Count > 0)
        {
            await Console.Error.WriteLineAsync($"{missing.Count} of {count} referenced blobs are missing from the copy.");
            return 1;
        }
        Console.WriteLine($"All {count} referenced blobs are in the copy.");
        return 0;
    }

    private static async Task<int> BadArgumentsAsync(string error)
    {
        await Console.Error.WriteLineAsync(error);
        await Console.Error.WriteLineAsync(Usage);
        return 2;
    }
}
