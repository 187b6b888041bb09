using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>
/// The upload page posts to the API with the sign-in cookie, so a cookie-signed upload needs the page's antiforgery
/// token; a post another site makes the browser send has none and stores nothing. Bearer clients need no token.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class CookieUploadAntiforgeryTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Cookie_signed_upload_needs_the_antiforgery_header()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visitId = (await api.CreateVisitAsync(patientId)).GetProperty("id").GetString()!;
        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = app.BaseAddress,
        };
        Assert.Equal(HttpStatusCode.Redirect, (await CookieBrowser.PostLoginAsync(browser, TestApp.ClinicianEmail)).StatusCode);
        var token = await CookieBrowser.FormTokenAsync(browser, $"/visits/{visitId}/upload");

        var missing = await browser.PostAsync($"/api/v1/visits/{visitId}/photos", Form(TestImages.Jpeg(seed: 1)));
        await AssertAntiforgeryProblemAsync(missing);
        var forged = await browser.SendAsync(Upload(visitId, TestImages.Jpeg(seed: 1), "not-the-token"));
        await AssertAntiforgeryProblemAsync(forged);
        Assert.Equal(0, await PhotoCountAsync(app, visitId));

        var accepted = await browser.SendAsync(Upload(visitId, TestImages.Jpeg(seed: 1), token));
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        var bearer = await api.UploadAsync(visitId, TestImages.Jpeg(seed: 2));
        Assert.Equal(HttpStatusCode.Accepted, bearer.StatusCode);
        Assert.Equal(2, await PhotoCountAsync(app, visitId));
    }

    private static async Task<int> PhotoCountAsync(TestApp app, string visitId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var visit = Guid.Parse(visitId);
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Photos.CountAsync(p => p.VisitId == visit);
    }

    private static HttpRequestMessage Upload(string visitId, byte[] jpeg, string token) =>
        new(HttpMethod.Post, $"/api/v1/visits/{visitId}/photos")
        {
            Content = Form(jpeg),
            Headers = { { "RequestVerificationToken", token } },
        };

    private static MultipartFormDataContent Form(byte[] jpeg)
    {
        var file = new ByteArrayContent(jpeg);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "photo.jpg" }, { new StringContent("front"), "view" } };
    }

    private static async Task AssertAntiforgeryProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("antiforgery token", problem.GetProperty("detail").GetString());
    }
}
