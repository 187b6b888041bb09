using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Features.Audit;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Audit.AuditTrailSupport;

namespace ProgressTracker.Web.Tests.Audit;

/// <summary>
/// The hash chain on the embedded app: a fresh trail verifies; the triggers refuse edits and deletes; with the
/// triggers gone (a database owner), an edited field or a deleted row is reported at its sequence, by the verifier
/// and by the `audit verify` command. Each test has an app of its own, since it breaks that app's chain on purpose.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class AuditChainTests
{
    [Fact]
    public async Task A_fresh_trail_verifies_and_the_database_refuses_to_change_it()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        await RecordAsync(app, 7);
        await SealAsync(app);

        var sequences = (await EntriesAsync(app)).Select(e => e.Sequence).Order().ToList();
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long?)i), sequences);
        var result = await VerifyAsync(app);
        Assert.True(result.Ok);
        Assert.Equal(sequences.Count, result.Checked);
        Assert.Null(result.FirstBrokenSequence);

        var update = await Assert.ThrowsAsync<SqliteException>(() =>
            SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Detail\" = 'edited' WHERE \"Sequence\" = 2"));
        Assert.Contains("append-only", update.Message);
        await Assert.ThrowsAsync<SqliteException>(() => SqlAsync(app, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 2"));
        Assert.True((await VerifyAsync(app)).Ok);
    }

    [Fact]
    public async Task An_edited_field_breaks_the_chain_at_that_entry_for_the_verifier_and_the_command()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        await RecordAsync(app, 6);
        await SealAsync(app);
        var data = $"--App:DataDirectory={app.DataDirectory}";
        await app.StopAsync(); // the command runs on the app's data, as it would on a stopped install
        Assert.Equal(0, await AuditCommand.RunAsync(["audit", "verify", data]));
        await app.StartAsync("All");
        await SealAsync(app); // the command's own audit.verified entry

        await DropTriggersAsync(app);
        Assert.Equal(1, await SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Detail\" = 'test 99' WHERE \"Sequence\" = 4"));

        var result = await VerifyAsync(app);
        Assert.False(result.Ok);
        Assert.Equal(4, result.FirstBrokenSequence);
        Assert.Equal(3, result.Checked);
        await app.StopAsync();
        Assert.Equal(1, await AuditCommand.RunAsync(["audit", "verify", data]));
    }

    [Fact]
    public async Task A_deleted_or_renumbered_row_breaks_the_chain()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        await RecordAsync(app, 6);
        await SealAsync(app);
        await DropTriggersAsync(app);

        Assert.Equal(1, await SqlAsync(app, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3"));
        Assert.Equal(3, (await VerifyAsync(app)).FirstBrokenSequence); // a gap

        // Closing the gap by renumbering the later rows does not help: their hashes cover their sequence. (Through
        // negative numbers: the unique index is checked row by row, in whatever order the rows are visited.)
        await SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" WHERE \"Sequence\" > 3");
        await SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Sequence\" = -\"Sequence\" - 1 WHERE \"Sequence\" < 0");
        Assert.Equal(3, (await VerifyAsync(app)).FirstBrokenSequence);

        // New entries seal onto the end as usual; the break stays where it was.
        await RecordAsync(app, 2);
        await SealAsync(app);
        Assert.Equal(3, (await VerifyAsync(app)).FirstBrokenSequence);
    }

    /// <summary>
    /// A deleted row, as the admin API, the admin page and the `audit verify` command report it: not ok, broken at
    /// the deleted sequence (exit code 1 for the command).
    /// </summary>
    [Fact]
    public async Task A_deleted_row_is_reported_by_the_admin_api_the_admin_page_and_the_command()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        await RecordAsync(app, 6);
        await SealAsync(app);
        await DropTriggersAsync(app);
        Assert.Equal(1, await SqlAsync(app, "DELETE FROM \"AuditEntries\" WHERE \"Sequence\" = 3"));

        var (email, _) = await ProgressTracker.Web.Tests.Admin.AdminAccounts.CreateAsync(app, ProgressTracker.Web.Infrastructure.Identity.Roles.Admin);
        var admin = await ApiClient.SignInAsync(app, email);
        await SealAsync(app); // the sign-in seals onto the end; the break stays at 3
        var verify = await admin.Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.False(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(3, verify.GetProperty("firstBrokenSequence").GetInt64());
        Assert.Equal(2, verify.GetProperty("checked").GetInt64());

        var page = await (await CookieBrowser.SignedInAsync(app, email)).GetStringAsync("/admin/audit");
        Assert.Contains("Chain broken at entry #3", page);

        var data = $"--App:DataDirectory={app.DataDirectory}";
        await app.StopAsync();
        Assert.Equal(1, await AuditCommand.RunAsync(["audit", "verify", data]));
    }

    /// <summary>An edited field, through the admin API: the JSON says where the chain breaks.</summary>
    [Fact]
    public async Task An_edited_field_is_reported_by_the_admin_api()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        await RecordAsync(app, 5);
        await SealAsync(app);
        await DropTriggersAsync(app);
        Assert.Equal(1, await SqlAsync(app, "UPDATE \"AuditEntries\" SET \"Detail\" = 'test 99' WHERE \"Sequence\" = 2"));

        var (email, _) = await ProgressTracker.Web.Tests.Admin.AdminAccounts.CreateAsync(app, ProgressTracker.Web.Infrastructure.Identity.Roles.Admin);
        var verify = await (await ApiClient.SignInAsync(app, email)).Http.GetFromJsonAsync<JsonElement>("/api/v1/admin/audit/verify");
        Assert.False(verify.GetProperty("ok").GetBoolean());
        Assert.Equal(2, verify.GetProperty("firstBrokenSequence").GetInt64());
    }

    [Theory]
    [InlineData("audit")]
    [InlineData("audit check")]
    [InlineData("audit verify now")]
    public async Task Bad_arguments_exit_with_2(string commandLine) =>
        Assert.Equal(2, await AuditCommand.RunAsync(commandLine.Split(' ')));

    [Fact]
    public void The_encoding_cannot_be_shifted_between_fields_and_tells_null_from_empty()
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 3, 12, 9, 30, 0, TimeSpan.Zero);
        AuditEntry Entry(string action, string? detail, string? ip = null) =>
            new() { Id = id, At = at, Sequence = 1, Action = action, Detail = detail, Ip = ip };

        Assert.Equal(AuditChain.HashOf(Entry("photo.viewed", "thumb")), AuditChain.HashOf(Entry("photo.viewed", "thumb")));
        Assert.NotEqual(AuditChain.HashOf(Entry("photo.viewed", "thumb")), AuditChain.HashOf(Entry("photo.viewedt", "humb")));
        Assert.NotEqual(AuditChain.HashOf(Entry("photo.viewed", null)), AuditChain.HashOf(Entry("photo.viewed", "")));
        Assert.NotEqual(AuditChain.HashOf(Entry("photo.viewed", "x", null)), AuditChain.HashOf(Entry("photo.viewed", null, "x")));
        Assert.Equal(64, AuditChain.HashOf(Entry("a", null)).Length);
    }

    [Theory]
    [InlineData("thumb", "thumb")]
    [InlineData("=HYPERLINK(\"http://x\")", "\"'=HYPERLINK(\"\"http://x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    [InlineData(null, "")]
    public void Csv_fields_are_quoted_and_formulas_neutralised(string? value, string expected) =>
        Assert.Equal(expected, AuditCsv.Field(value));
}
