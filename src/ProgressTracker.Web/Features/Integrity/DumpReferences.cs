using System.Text.RegularExpressions;

namespace ProgressTracker.Web.Features.Integrity;

/// <summary>
/// The blobs a PostgreSQL dump references, read from its data as <c>pg_restore --data-only -f -</c> prints it (COPY
/// blocks: tab-separated rows, <c>\N</c> for null). A backup checks its blob copy against exactly the rows it
/// dumped, not against a live database that has moved on since.
/// </summary>
public static partial class DumpReferences
{
    public static async IAsyncEnumerable<ReferencedBlob> ReadAsync(TextReader sql,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        string? table = null;
        string[] columns = [];
        while (await sql.ReadLineAsync(ct) is { } line)
        {
            if (table is null)
            {
                var copy = CopyHeader().Match(line);
                if (!copy.Success) continue;
                table = copy.Groups["table"].Value;
                columns = copy.Groups["columns"].Value.Split(", ").Select(c => c.Trim('"')).ToArray();
                continue;
            }
            if (line == @"\.") { table = null; continue; }
            var cells = line.Split('\t');
            if (cells.Length != columns.Length)
                throw new FormatException($"A row of {table} has {cells.Length} values for {columns.Length} columns.");
            var row = columns.Zip(cells).ToDictionary(p => p.First, p => p.Second == @"\N" ? null : p.Second);
            foreach (var blob in ReferencesOf(table, row)) yield return blob;
        }
    }

    private static IEnumerable<ReferencedBlob> ReferencesOf(string table, Dictionary<string, string?> row)
    {
        Guid Id(string column) => Guid.Parse(row[column]!);
        string? Text(string column) => row.GetValueOrDefault(column);
        IEnumerable<ReferencedBlob> Keys(BlobOwnerKind kind, params string[] keyColumns) =>
            keyColumns.Select(Text).OfType<string>().Select(key => new ReferencedBlob(key, kind, Id("Id"), Id("PatientId")));

        switch (table)
        {
            case "Photos":
                var status = Enum.Parse<AlignmentStatus>(Text("Alignment_Status")!);
                var matrix = Text("Alignment_Matrix") is null ? null : new double[6];
                var columns = new PhotoBlobColumns(Id("PatientId"), Id("Id"), Text("OriginalKey")!, Text("MasterKey"),
                    Text("ThumbKey"), Text("DisplayKey"), Text("DerivativesVersion") is { } v ? int.Parse(v) : null,
                    PhotoAlignment.HasImage(matrix, status), int.Parse(Text("Alignment_Revision")!));
                return BlobReferences.Of(columns).Select(key => new ReferencedBlob(key, BlobOwnerKind.Photo, columns.Id, columns.PatientId));
            case "Exports": return Keys(BlobOwnerKind.Export, "ResultKey");
            case "DataArchives": return Keys(BlobOwnerKind.Archive, "ResultKey");
            case "Consents": return Keys(BlobOwnerKind.Consent, "SignatureKey", "FormKey");
            case "MarketingCases": return Keys(BlobOwnerKind.Case, "ImageKey");
            default: return [];
        }
    }

    [GeneratedRegex(@"^COPY (?:public\.)?""?(?<table>[A-Za-z]+)""? \((?<columns>[^)]*)\) FROM stdin;$")]
    private static partial Regex CopyHeader();
}
