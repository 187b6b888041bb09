using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Admin;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Integrity;

/// <summary>
/// The admin page /admin/integrity against the real stores, through the app's HTML: a deleted original and a
/// tampered one become open findings after "Check now" (once each, however often the check runs), the photo rows and
/// blobs stay exactly as they were, the clinician's photo page warns, /health/details says degraded; putting the
/// files back and checking again resolves both. Clinicians are refused the page.
/// </summary>
public abstract class IntegrityPageContract
{
    protected abstract StorageMode Mode { get; }

    [Fact]
    public async Task Missing_and_tampered_originals_are_open_findings_until_the_files_are_back()
    {
        await using var app = await TestApp.StartAsync(Mode, "All", false, "--Integrity:Enabled=false");
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var patientId = patient.GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        var deletedId = await api.UploadReadyAsync(visit, TestImages.Jpeg(seed: 11), "front");
        var tamperedId = await api.UploadReadyAsync(visit, TestImages.Jpeg(seed: 12), "back");
        var (adminEmail, _) = await AdminAccounts.CreateAsync(app, Roles.Admin);
        var admin = await CookieBrowser.SignedInAsync(app, adminEmail);

        Assert.Contains("Everything checked out.", await CheckNowAsync(admin));
        Assert.Contains("Everything checked out.", Text(await PageAsync(admin, ".findings-card")));

        var blobs = app.Services.GetRequiredService<IBlobStore>();
        var before = await PhotoRowsAsync(app);
        var deletedKey = before[Guid.Parse(deletedId)].OriginalKey;
        var tamperedKey = before[Guid.Parse(tamperedId)].OriginalKey;
        var deletedBytes = (await blobs.ReadAllBytesAsync(deletedKey, default))!;
        var goodBytes = (await blobs.ReadAllBytesAsync(tamperedKey, default))!;
        var badBytes = goodBytes.ToArray();
        badBytes[^10] ^= 0xFF;
        await blobs.DeleteAsync(deletedKey, default);
        await blobs.PutAsync(tamperedKey, new MemoryStream(badBytes), "image/jpeg", overwrite: true, default);

        Assert.Contains("2 open findings, 2 new.", await CheckNowAsync(admin));
        Assert.Contains("2 open findings, 0 new.", await CheckNowAsync(admin)); // seen again: no second row
        var open = (await PageAsync(admin, ".findings-card")).QuerySelectorAll("li.finding");
        Assert.Equal(2, open.Length);
        var missing = Assert.Single(open, f => f.GetAttribute("data-kind") == "missing");
        Assert.Contains("Original file missing from storage", missing.TextContent);
        Assert.Equal($"/photos/{deletedId}", missing.QuerySelector("a[href^='/photos/']")!.GetAttribute("href"));
        Assert.Equal(patient.GetProperty("recordNumber").GetString(),
            missing.QuerySelector($"a[href='/patients/{patientId}']")!.TextContent.Trim());
        Assert.Contains(deletedKey, missing.TextContent);
        var mismatch = Assert.Single(open, f => f.GetAttribute("data-kind") == "hash-mismatch");
        Assert.Contains("Stored original no longer matches its fingerprint", mismatch.TextContent);
        Assert.Equal(tamperedId, mismatch.GetAttribute("data-resource"));
        Assert.Contains(tamperedKey, mismatch.TextContent);

        // Reported, never acted on: the rows are as they were, the blob is still gone and the altered one still altered.
        Assert.Equal(before, await PhotoRowsAsync(app));
        Assert.Null(await blobs.OpenReadAsync(deletedKey, default));
        Assert.Equal(badBytes, await blobs.ReadAllBytesAsync(tamperedKey, default));
        Assert.Equal("ready", (await api.GetPhotoAsync(deletedId)).GetProperty("status").GetString());

        var clinicianPages = await CookieBrowser.SignedInAsync(app, TestApp.ClinicianEmail);
        var photoPage = await clinicianPages.GetStringAsync($"/photos/{deletedId}");
        Assert.Contains("Storage check: Original file missing from storage.", photoPage);
        var refused = await clinicianPages.GetAsync("/admin/integrity");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/access-denied", refused.Headers.Location!.OriginalString);
        Assert.DoesNotContain(deletedKey, await refused.Content.ReadAsStringAsync());

        var adminApi = await ApiClient.SignInAsync(app, adminEmail);
        var details = await adminApi.Http.GetFromJsonAsync<JsonElement>("/health/details");
        Assert.Equal("degraded", details.GetProperty("checks").GetProperty("integrity").GetProperty("status").GetString());
        Assert.Equal("healthy", (await app.CreateClient().GetFromJsonAsync<JsonElement>("/health")).GetProperty("status").GetString());

        await blobs.PutAsync(deletedKey, new MemoryStream(deletedBytes), "image/jpeg", overwrite: false, default);
        await blobs.PutAsync(tamperedKey, new MemoryStream(goodBytes), "image/jpeg", overwrite: true, default);
        Assert.Contains("Everything checked out. 2 findings resolved.", await CheckNowAsync(admin));
        var page = await PageAsync(admin, "main");
        Assert.Empty(page.QuerySelectorAll(".findings-card li.finding"));
        Assert.Contains("Everything checked out.", Text(page.QuerySelector(".findings-card")!));
        Assert.Equal(2, page.QuerySelectorAll(".resolved-card li.finding-resolved").Length);
        Assert.DoesNotContain("Storage check:", await clinicianPages.GetStringAsync($"/photos/{deletedId}"));
        details = await adminApi.Http.GetFromJsonAsync<JsonElement>("/health/details");
        Assert.Equal("healthy", details.GetProperty("checks").GetProperty("integrity").GetProperty("status").GetString());

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(2, await db.IntegrityFindings.CountAsync());
        Assert.Equal(4, await db.AuditEntries.CountAsync(e => e.Action == "integrity.finding")); // 2 checks × 2 findings
    }

    /// <summary>Presses "Check now" with the page's antiforgery token; returns the note the page shows afterwards.</summary>
    private static async Task<string> CheckNowAsync(HttpClient admin)
    {
        var token = await CookieBrowser.FormTokenAsync(admin, "/admin/integrity");
        var response = await admin.PostAsync("/admin/integrity?handler=Check",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/admin/integrity", response.Headers.Location!.OriginalString);
        return Text((await PageAsync(admin, "main")).QuerySelector("[role=status].alert")!);
    }

    private static async Task<IElement> PageAsync(HttpClient admin, string selector)
    {
        var response = await admin.GetAsync("/admin/integrity");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).QuerySelector(selector)!;
    }

    private static string Text(IElement element) => string.Join(' ', element.TextContent.Split((char[]?)null,
        StringSplitOptions.RemoveEmptyEntries));

    private sealed record PhotoRow(string OriginalKey, string ContentHash, PhotoStatus Status, string? DisplayKey,
        string? ThumbKey, string? MasterKey);

    private static async Task<Dictionary<Guid, PhotoRow>> PhotoRowsAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Photos.AsNoTracking()
            .ToDictionaryAsync(p => p.Id, p => new PhotoRow(p.OriginalKey, p.ContentHash, p.Status, p.DisplayKey,
                p.ThumbKey, p.MasterKey));
    }
}

[Trait(Tier.Name, Tier.Fast)]
public sealed class IntegrityPageTests : IntegrityPageContract
{
    protected override StorageMode Mode => StorageMode.Embedded;
}

[Trait(Tier.Name, Tier.Postgres)]
public sealed class IntegrityPageProductionTests : IntegrityPageContract
{
    protected override StorageMode Mode => StorageMode.Production;
}
