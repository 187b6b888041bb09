using ProgressTracker.Web.Domain;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Infrastructure.Storage;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Access;

/// <summary>Who asks in the access tests; <see cref="Anonymous"/> carries no credentials.</summary>
public enum Who { Anonymous, PatientA, PatientB, Clinician, Marketing, Admin, Deactivated }

/// <summary>
/// One app with every kind of caller and two patients: A (linked to the PatientA account) with two visits, two
/// ready photos and an export, and B (linked to PatientB) with one visit and photo. Each caller has a bearer token
/// for the API and a cookie for pages; the deactivated account signed in while active, then was deactivated.
/// </summary>
public sealed class AccessWorld : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public string PatientA { get; private set; } = "";
    public string PatientB { get; private set; } = "";
    public string VisitA { get; private set; } = "";
    public string VisitB { get; private set; } = "";
    public string PhotoA { get; private set; } = "";
    public string PhotoA2 { get; private set; } = "";
    public string PhotoB { get; private set; } = "";
    public string ExportA { get; private set; } = "";
    /// <summary>An active consent of patient A (the matrix revokes it: revoking is idempotent).</summary>
    public string ConsentA { get; private set; } = "";
    /// <summary>A consent of patient A signed on paper, with its scan attached.</summary>
    public string PaperConsentA { get; private set; } = "";
    /// <summary>A "download my data" archive of patient A, asked for by the PatientA account.</summary>
    public string ArchiveA { get; private set; } = "";
    /// <summary>An account no caller uses, for the admin rows that change accounts.</summary>
    public string SpareUser { get; private set; } = "";
    /// <summary>An open staff invitation, for the withdraw row.</summary>
    public string InvitationId { get; private set; } = "";
    /// <summary>Marketing records of patient A: a case, a gallery holding it, an empty gallery, a copy to take down.</summary>
    public string CaseA { get; private set; } = "";
    public string GalleryA { get; private set; } = "";
    public string GalleryItemA { get; private set; } = "";
    public string GalleryB { get; private set; } = "";
    public string TakedownA { get; private set; } = "";

    private readonly Dictionary<Who, HttpClient> _api = [];
    private readonly Dictionary<Who, HttpClient> _pages = [];
    private readonly Dictionary<Who, string> _emails = [];

    public HttpClient Api(Who who) => _api[who];
    public HttpClient Pages(Who who) => _pages[who];

    public async Task InitializeAsync()
    {
        // Account state is re-read on every request here, so the deactivated account is refused at once.
        App = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: "--Auth:AccountCheckInterval=00:00:00");
        var clinician = await ApiClient.SignInAsync(App);
        PatientA = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        PatientB = (await clinician.CreatePatientAsync()).GetProperty("id").GetString()!;
        VisitA = (await clinician.CreateVisitAsync(PatientA, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        var visitA2 = (await clinician.CreateVisitAsync(PatientA, "follow-up", "2026-06-12")).GetProperty("id").GetString()!;
        VisitB = (await clinician.CreateVisitAsync(PatientB)).GetProperty("id").GetString()!;
        PhotoA = await clinician.UploadReadyAsync(VisitA, TestImages.Jpeg(seed: 1), "left-lateral");
        PhotoA2 = await clinician.UploadReadyAsync(visitA2, TestImages.Jpeg(seed: 2), "left-lateral");
        PhotoB = await clinician.UploadReadyAsync(VisitB, TestImages.Jpeg(seed: 3), "left-lateral");
        var export = await clinician.Http.PostAsJsonAsync($"/api/v1/patients/{PatientA}/exports",
            new { kind = "side-by-side", view = "left-lateral", photoIds = new[] { PhotoA, PhotoA2 }, aligned = false });
        Assert.Equal(HttpStatusCode.Accepted, export.StatusCode);
        ExportA = (await export.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        ConsentA = await AddConsentAsync(PatientA);
        await AddMarketingRecordsAsync();
        PaperConsentA = await AddPaperConsentAsync(PatientA);

        _emails[Who.Clinician] = TestApp.ClinicianEmail;
        await AddAccountAsync(Who.PatientA, Roles.Patient, PatientA);
        await AddAccountAsync(Who.PatientB, Roles.Patient, PatientB);
        await AddAccountAsync(Who.Marketing, Roles.Marketing, null);
        await AddAccountAsync(Who.Admin, Roles.Admin, null);
        await AddAccountAsync(Who.Deactivated, Roles.Clinician, null);

        _api[Who.Anonymous] = App.CreateClient();
        _pages[Who.Anonymous] = App.CreateClient();
        foreach (var (who, email) in _emails)
        {
            _api[who] = await BearerAsync(email);
            _pages[who] = await CookieBrowser.SignedInAsync(App, email);
        }
        await DeactivateAsync(_emails[Who.Deactivated]);

        var archive = await _api[Who.PatientA].PostAsync("/api/v1/me/archive", null);
        Assert.Equal(HttpStatusCode.Accepted, archive.StatusCode);
        ArchiveA = (await archive.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var (spare, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
                .AddAsync($"spare-{Guid.NewGuid():N}@access.test", Roles.Clinician, TestApp.Password, default);
            SpareUser = spare?.Id.ToString() ?? throw new InvalidOperationException(error);
        }
        var invited = await _api[Who.Admin].PostAsJsonAsync("/api/v1/admin/invitations",
            new { email = $"invited-{Guid.NewGuid():N}@access.test", role = "clinician" });
        Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
        InvitationId = (await invited.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private async Task<string> AddConsentAsync(string patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consent = new Consent
        {
            PatientId = Guid.Parse(patientId), Uses = [ConsentUse.Website], CoverageKind = ConsentCoverageKind.All,
            ExpiresOn = new DateOnly(2099, 1, 1), TextVersion = "matrix", TextMarkdown = "text", TextSha256 = "none",
            SignedName = "Patient A", Method = ConsentMethod.OnScreen, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        consent.Grant(DateTimeOffset.UnixEpoch);
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return consent.Id.ToString();
    }

    private async Task AddMarketingRecordsAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = DateTimeOffset.UnixEpoch;
        var @case = new MarketingCase
        {
            PatientId = Guid.Parse(PatientA), Code = "C-MATRIX", BeforePhotoId = Guid.Parse(PhotoA),
            AfterPhotoId = Guid.Parse(PhotoA2), View = PhotoView.LeftLateral, CreatedAt = now,
        };
        var gallery = new Gallery { Title = "Matrix", CreatedAt = now };
        var item = new GalleryItem { GalleryId = gallery.Id, CaseId = @case.Id, Position = 1, ImageToken = SecretTokens.New(), AddedAt = now };
        gallery.Items.Add(item);
        var copy = new CaseCopy { PatientId = @case.PatientId, CaseId = @case.Id, Kind = CaseCopyKind.Download, What = "matrix copy", At = now };
        copy.RequestTakedown(now);
        var empty = new Gallery { Title = "Matrix empty", CreatedAt = now };
        db.AddRange(@case, gallery, empty, copy);
        await db.SaveChangesAsync();
        (CaseA, GalleryA, GalleryItemA, GalleryB, TakedownA) =
            (@case.Id.ToString(), gallery.Id.ToString(), item.Id.ToString(), empty.Id.ToString(), copy.Id.ToString());
    }

    private async Task<string> AddPaperConsentAsync(string patientId)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var consent = new Consent
        {
            PatientId = Guid.Parse(patientId), Uses = [ConsentUse.Education], CoverageKind = ConsentCoverageKind.All,
            ExpiresOn = new DateOnly(2099, 1, 1), TextVersion = "matrix", TextMarkdown = "text", TextSha256 = "none",
            SignedName = "Patient A", Method = ConsentMethod.PaperForm, CreatedAt = DateTimeOffset.UnixEpoch,
        };
        var key = BlobKeys.ConsentForm(consent.PatientId, consent.Id, "pdf");
        await scope.ServiceProvider.GetRequiredService<IBlobStore>()
            .PutAsync(key, new MemoryStream("%PDF-1.7 scan"u8.ToArray()), "application/pdf", overwrite: true, default);
        consent.AttachForm(key, DateTimeOffset.UnixEpoch);
        db.Consents.Add(consent);
        await db.SaveChangesAsync();
        return consent.Id.ToString();
    }

    private async Task AddAccountAsync(Who who, string role, string? patientId)
    {
        var email = $"{who.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}@access.test";
        _emails[who] = email;
        await using var scope = App.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(email, role, TestApp.Password, default);
        Assert.True(user is not null, error);
        if (patientId is null) return;
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var patient = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(patientId));
        patient.UserId = user.Id;
        await db.SaveChangesAsync();
    }

    /// <summary>What an admin's deactivation does to the account: the flag, a new security stamp.</summary>
    private async Task DeactivateAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException(email);
        user.DeactivatedAt = App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await users.UpdateAsync(user);
        await users.UpdateSecurityStampAsync(user);
    }

    private async Task<HttpClient> BearerAsync(string email)
    {
        var http = App.CreateClient();
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password = TestApp.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public async Task DisposeAsync()
    {
        foreach (var http in _api.Values.Concat(_pages.Values)) http.Dispose();
        if (App is not null) await App.DisposeAsync();
    }
}
