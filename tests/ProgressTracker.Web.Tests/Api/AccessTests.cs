using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>A patient sees only their own record; marketing sees no clinical records; originals are clinicians' only.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AccessTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Roles_see_only_what_they_may()
    {
        var app = fixture.App;
        var (patientEmail, marketingEmail) = ($"me-{Guid.NewGuid():N}@patient.test", $"promo-{Guid.NewGuid():N}@clinic.test");
        var clinician = await ApiClient.SignInAsync(app);
        var mine = await clinician.CreatePatientAsync();
        var theirs = await clinician.CreatePatientAsync();
        var visitId = (await clinician.CreateVisitAsync(mine.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;
        var photo = await (await clinician.UploadAsync(visitId, TestImages.Jpeg())).Content.ReadFromJsonAsync<JsonElement>();
        var photoId = photo.GetProperty("id").GetString()!;
        await clinician.WaitUntilSettledAsync(photoId);

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var (patientUser, _) = await accounts.AddAsync(patientEmail, Roles.Patient, TestApp.Password, default);
            await accounts.AddAsync(marketingEmail, Roles.Marketing, TestApp.Password, default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(mine.GetProperty("id").GetString()!));
            record.UserId = patientUser!.Id;
            await db.SaveChangesAsync();
        }

        var patient = await ApiClient.SignInAsync(app, patientEmail);
        var list = await patient.Http.GetFromJsonAsync<JsonElement>("/api/v1/patients");
        Assert.Equal(mine.GetProperty("id").GetString(), Assert.Single(list.GetProperty("items").EnumerateArray()).GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.OK, (await patient.Http.GetAsync($"/api/v1/photos/{photoId}/media/thumb")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.GetAsync($"/api/v1/photos/{photoId}/media/original")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Http.GetAsync($"/api/v1/patients/{theirs.GetProperty("id")}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await patient.Http.PostAsJsonAsync(
            $"/api/v1/patients/{mine.GetProperty("id")}/visits", new { date = "2026-01-01", kind = "other" })).StatusCode);

        var marketing = await ApiClient.SignInAsync(app, marketingEmail);
        Assert.Equal(0, (await marketing.Http.GetFromJsonAsync<JsonElement>("/api/v1/patients")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.Http.GetAsync($"/api/v1/photos/{photoId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await marketing.Http.GetAsync($"/api/v1/photos/{photoId}/media/thumb")).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await clinician.Http.GetAsync($"/api/v1/photos/{photoId}/media/original")).StatusCode);
    }
}
