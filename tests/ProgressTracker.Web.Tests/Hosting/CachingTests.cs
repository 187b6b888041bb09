using System.Text.Json;
using System.Text.RegularExpressions;
using System.Net.Http.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// Pages load fast on a clinic's tablet because what never changes is cached for a year: fingerprinted CSS and JS,
/// and derivative images whose URL carries their version. Originals are never cached.
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
    public async Task Versioned_thumbnails_are_cached_for_a_year_and_originals_never()
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
        Assert.Matches(@"\?v=\d+$", thumbUrl);
        using var thumb = await api.Http.GetAsync(thumbUrl);
        thumb.EnsureSuccessStatusCode();
        var cache = thumb.Headers.CacheControl!;
        Assert.True(cache.Private, "patient photos may be cached by the browser only, never by a shared proxy");
        Assert.Equal(TimeSpan.FromDays(365), cache.MaxAge);
        Assert.Contains(cache.Extensions, e => e.Name == "immutable");
        using var original = await api.Http.GetAsync(media.GetProperty("original").GetString());
        original.EnsureSuccessStatusCode();
        Assert.True(original.Headers.CacheControl?.NoStore, "originals must not be stored by any cache");
    }

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"(/css/site\\.[a-z0-9]+\\.css)\"")]
    private static partial Regex StylesheetLink();
}
