using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// Pages load fast on a clinic's tablet because fingerprinted CSS and JS are cached for a year. Patient photos are
/// private: the browser may keep a derivative but revalidates it (ETag, 304) so every reuse is authorized again;
/// originals and API JSON are never stored.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed partial class CachingTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Stylesheets_and_scripts_are_fingerprinted_and_immutable()
    {
        var app = fixture.App;
        using var http = app.CreateClient();
        var login = await http.GetStringAsync("/login");
        var css = StylesheetLink().Match(login);
        Assert.True(css.Success, "the layout links a fingerprinted site.css");
        using var response = await http.GetAsync(css.Groups[1].Value);
        response.EnsureSuccessStatusCode();
        Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task Photos_are_revalidated_by_etag_and_originals_never_stored()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        var upload = await api.UploadAsync(visit, TestImages.Jpeg(600, 800));
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var photo = await api.WaitUntilSettledAsync(id);
        var media = photo.GetProperty("media");

        var thumbUrl = media.GetProperty("thumb").GetString()!;
        using var thumb = await api.Http.GetAsync(thumbUrl);
        thumb.EnsureSuccessStatusCode();
        var cache = thumb.Headers.CacheControl!;
        // A patient photo may stay in this browser's cache, never a shared one, and is checked with the server
        // (which authorizes again) before every reuse: a revoked session or access must not see it from cache.
        Assert.True(cache.Private, "patient photos may be cached by the browser only, never by a shared proxy");
        Assert.True(cache.NoCache, "a cached photo is revalidated before it is shown");
        Assert.Null(cache.MaxAge);
        Assert.DoesNotContain(cache.Extensions, e => e.Name == "immutable");
        var etag = thumb.Headers.ETag;
        Assert.NotNull(etag);
        Assert.False(etag.IsWeak, "a strong validator: the bytes at a versioned key never change");

        using var again = new HttpRequestMessage(HttpMethod.Get, thumbUrl);
        again.Headers.IfNoneMatch.Add(etag);
        using var notModified = await api.Http.SendAsync(again);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        Assert.Equal(etag, notModified.Headers.ETag);

        using var webp = await api.Http.GetAsync(thumbUrl + (thumbUrl.Contains('?') ? "&" : "?") + "format=webp");
        Assert.NotEqual(etag, webp.Headers.ETag); // another encoding is another representation

        using var original = await api.Http.GetAsync(media.GetProperty("original").GetString());
        original.EnsureSuccessStatusCode();
        Assert.True(original.Headers.CacheControl?.NoStore, "originals must not be stored by any cache");
        Assert.Null(original.Headers.ETag);
    }

    [Fact]
    public async Task Api_json_with_personal_data_is_never_stored()
    {
        var api = await ApiClient.SignInAsync(fixture.App);
        var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        foreach (var path in new[] { $"/api/v1/patients/{patient}", "/api/v1/patients", $"/api/v1/patients/{Guid.NewGuid()}" })
        {
            using var response = await api.Http.GetAsync(path);
            Assert.True(response.Headers.CacheControl?.NoStore, $"{path} ({(int)response.StatusCode}) must be no-store");
        }
        using var anonymous = fixture.App.CreateClient();
        using var refused = await anonymous.GetAsync($"/api/v1/patients/{patient}");
        Assert.True(refused.Headers.CacheControl?.NoStore);
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex StylesheetLink();
}
