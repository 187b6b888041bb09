using ProgressTracker.Web.Features.Integrity;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Integrity;

/// <summary>The backup's check reads the dump's rows as pg_restore prints them and finds a blob missing from the copy.</summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class DumpReferencesTests
{
    [Fact]
    public async Task Every_key_a_dumped_row_references_is_checked_and_a_missing_one_is_named()
    {
        var (patient, photo, export) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var original = BlobKeys.Original(patient, photo, "jpg");
        string D(BlobVariant v, ImageEncoding e = ImageEncoding.Jpeg) => BlobKeys.Derivative(patient, photo, v, 3, e);
        var sql = string.Join('\n',
            "SET statement_timeout = 0;",
            "COPY public.\"Photos\" (\"Id\", \"PatientId\", \"OriginalKey\", \"MasterKey\", \"ThumbKey\", \"DisplayKey\", \"DerivativesVersion\", \"Alignment_Matrix\", \"Alignment_Status\", \"Alignment_Revision\") FROM stdin;",
            $"{photo:D}\t{patient:D}\t{original}\t{D(BlobVariant.Master)}\t{D(BlobVariant.Thumb)}\t{D(BlobVariant.Display)}\t3\t1,0,0,0,1,0\tAligned\t2",
            @"\.",
            "COPY public.\"Exports\" (\"Id\", \"PatientId\", \"ResultKey\", \"Attempts\") FROM stdin;",
            $"{export:D}\t{patient:D}\t{BlobKeys.Export(patient, export, "jpg")}\t1",
            $"{Guid.NewGuid():D}\t{patient:D}\t\\N\t0",
            @"\.");
        var expected = new[]
        {
            original, D(BlobVariant.Master), D(BlobVariant.Thumb), D(BlobVariant.Display),
            D(BlobVariant.Display, ImageEncoding.WebP), D(BlobVariant.Thumb, ImageEncoding.WebP),
            BlobKeys.Aligned(patient, photo, 2, BlobVariant.Display), BlobKeys.Aligned(patient, photo, 2, BlobVariant.Thumb),
            BlobKeys.Export(patient, export, "jpg"),
        };

        var folder = Directory.CreateTempSubdirectory("pt-manifest-").FullName;
        try
        {
            var copied = expected.Where(k => !k.EndsWith("thumb.webp", StringComparison.Ordinal));
            await File.WriteAllLinesAsync(Path.Combine(folder, BlobFolder.ManifestName), copied.Select(k => $"{k}\t3\tsha256:00"));
            var (count, missing) = await new BlobFolder(folder).VerifyAsync(DumpReferences.ReadAsync(new StringReader(sql), default), default);
            Assert.Equal(expected.Length, count);
            Assert.Equal([D(BlobVariant.Thumb, ImageEncoding.WebP)], missing.Select(m => m.Key));
            Assert.Equal(photo, missing[0].OwnerId);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("archives", BlobOwnerKind.Archive)]
    [InlineData("signature", BlobOwnerKind.Consent)]
    [InlineData("form", BlobOwnerKind.Consent)]
    [InlineData("cases", BlobOwnerKind.Case)]
    [InlineData("exports", BlobOwnerKind.Export)]
    [InlineData("aligned", BlobOwnerKind.Photo)]
    public void Every_kind_of_key_names_its_owner_row(string kind, BlobOwnerKind owner)
    {
        var (patient, id) = (Guid.NewGuid(), Guid.NewGuid());
        var key = kind switch
        {
            "archives" => BlobKeys.Archive(patient, id),
            "signature" => BlobKeys.ConsentSignature(patient, id),
            "form" => BlobKeys.ConsentForm(patient, id, "pdf"),
            "cases" => BlobKeys.Case(patient, id, 4),
            "exports" => BlobKeys.Export(patient, id, "gif"),
            _ => BlobKeys.Aligned(patient, id, 1, BlobVariant.Thumb),
        };
        Assert.Equal(new BlobOwner(owner, id), BlobReferences.OwnerOf(key));
        Assert.Null(BlobReferences.OwnerOf(key + ".bak"));
    }
}
