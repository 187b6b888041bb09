using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ImageMagick;
using OpenCvSharp;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>Exports through the API on both configurations: request, progress, file, and what is refused.</summary>
public abstract class ExportApiContract
{
    protected abstract TestApp App { get; }

    [Fact]
    public async Task Side_by_side_and_animation_render_in_the_background_and_download_as_attachments()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api);
        var (first, last) = (photos.LeftLateral[0], photos.LeftLateral[2]);

        var response = await api.Http.PostAsJsonAsync($"/api/v1/patients/{photos.PatientId}/exports",
            new { kind = "side-by-side", view = "left-lateral", photoIds = new[] { first, last }, aligned = true, watermark = "Example Clinic", cropToHip = false });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = accepted.GetProperty("id").GetString()!;
        Assert.Equal($"/api/v1/exports/{id}", response.Headers.Location?.ToString());
        Assert.Equal("pending", accepted.GetProperty("status").GetString());
        Assert.Equal(0, accepted.GetProperty("progress").GetInt32());
        Assert.Equal(JsonValueKind.Null, accepted.GetProperty("file").ValueKind);
        Assert.Equal("side-by-side", accepted.GetProperty("kind").GetString());
        Assert.Equal([first, last], accepted.GetProperty("photoIds").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal("left-lateral-2026-03-12-vs-2026-09-10.jpg", accepted.GetProperty("fileName").GetString());
        Assert.Equal("image/jpeg", accepted.GetProperty("contentType").GetString());

        var (ready, progress) = await ExportApiTests.WaitReadyAsync(api, id);
        Assert.Equal("ready", ready.GetProperty("status").GetString());
        Assert.Equal(100, ready.GetProperty("progress").GetInt32());
        Assert.True(progress.SequenceEqual(progress.Order()), $"progress went backwards: {string.Join(", ", progress)}");
        Assert.NotEqual(JsonValueKind.Null, ready.GetProperty("completedAt").ValueKind);
        Assert.Equal($"/api/v1/exports/{id}/file", ready.GetProperty("file").GetString());

        var (jpeg, disposition) = await ExportApiTests.DownloadAsync(app, api, id);
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("left-lateral-2026-03-12-vs-2026-09-10.jpg", disposition.FileName?.Trim('"'));
        using (var picture = Cv2.ImDecode(jpeg, ImreadModes.Color))
        {
            // Two 900 × 1200 photos (the baseline's canvas) at their own height, with margins, title and labels.
            Assert.InRange(picture.Width, 1800, 1960);
            Assert.InRange(picture.Height, 1250, 1450);
            Assert.True(ExportApiTests.Contrast(picture, ExportApiTests.LabelBand(picture)) > 20, "the label band is uniform: no label drawn");
        }

        var animation = await ExportApiTests.CreateAsync(api, photos.PatientId, "animation", photos.LeftLateral);
        var (animated, _) = await ExportApiTests.WaitReadyAsync(api, animation.GetProperty("id").GetString()!);
        Assert.Equal("left-lateral-animation-2026-03-12-to-2026-09-10.gif", animated.GetProperty("fileName").GetString());
        var (gif, gifDisposition) = await ExportApiTests.DownloadAsync(app, api, animated.GetProperty("id").GetString()!);
        Assert.EndsWith(".gif", gifDisposition.FileName?.Trim('"'));
        using var frames = new MagickImageCollection(gif);
        Assert.Equal(3, frames.Count);
        Assert.InRange(Math.Max(frames[0].Width, frames[0].Height), 716u, 720u); // the long edge fills 720 px up to rounding
        Assert.All(frames, f => Assert.Equal(100u, f.AnimationDelay));

        var list = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{photos.PatientId}/exports");
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal([animation.GetProperty("id").GetString(), id],
            list.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetString()));
    }
}

[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class ExportApiTests(EmbeddedAppFixture fixture) : ExportApiContract
{
    protected override TestApp App => fixture.App;

    [Fact]
    public async Task A_sequence_cropped_to_the_hip_region_is_shorter_than_the_whole_photos()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api, 600, 800);

        var whole = await RenderAsync(app, api, photos, cropToHip: false);
        var cropped = await RenderAsync(app, api, photos, cropToHip: true);

        Assert.InRange(cropped.Width, whole.Width - 300, whole.Width); // the same photos in a row; margins shrink with height
        Assert.True(cropped.Height < whole.Height * 0.7, $"{cropped.Height} vs {whole.Height}");
    }

    [Fact]
    public async Task Invalid_requests_are_refused_with_a_clear_reason()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var photos = await ProgressPhotos.CreateAsync(api, 300, 400);
        var other = await ProgressPhotos.CreateAsync(api, 300, 400);
        var ll = photos.LeftLateral;
        var many = Enumerable.Range(0, 25).Select(_ => Guid.NewGuid().ToString()).ToArray();

        await RefusedAsync(api, photos, new { kind = "collage", view = "left-lateral", photoIds = ll }, "'collage' is not an export kind");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "side", photoIds = ll }, "'side' is not a view");
        await RefusedAsync(api, photos, new { kind = "side-by-side", view = "left-lateral", photoIds = ll }, "exactly 2 photos; 3 photos were chosen");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = ll.Take(1) }, "at least 2 photos; 1 photo was chosen");
        await RefusedAsync(api, photos, new { kind = "animation", view = "left-lateral", photoIds = many }, "at most 24 photos; 25 photos were chosen");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = new[] { ll[0], "abc" } }, "'abc' is not a valid photo id");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = new[] { ll[0], ll[0] } }, "is listed twice");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = new[] { ll[0], photos.Front } }, "is a front photo; this export is of left-lateral photos");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = new[] { ll[0], other.LeftLateral[1] } }, "is not a photo of this patient");
        await RefusedAsync(api, photos, new { kind = "sequence", view = "left-lateral", photoIds = ll, watermark = new string('w', 61) }, "limited to 60 characters");

        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.PostAsJsonAsync($"/api/v1/patients/{Guid.NewGuid()}/exports",
            new { kind = "sequence", view = "left-lateral", photoIds = ll })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/v1/exports/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await api.Http.GetAsync($"/api/v1/patients/{Guid.NewGuid()}/exports")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.GetAsync("/api/v1/exports/not-an-id")).StatusCode);
        Assert.Equal(0, (await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{photos.PatientId}/exports")).GetProperty("total").GetInt32());
    }

    private static async Task RefusedAsync(ApiClient api, ProgressPhotos photos, object body, string expected)
    {
        var response = await api.Http.PostAsJsonAsync($"/api/v1/patients/{photos.PatientId}/exports", body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    internal static async Task<JsonElement> CreateAsync(ApiClient api, string patientId, string kind,
        IReadOnlyList<string> photoIds, bool cropToHip = false)
    {
        var response = await api.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/exports",
            new { kind, view = "left-lateral", photoIds, cropToHip });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>Polls until Ready (failing the test with the reason if it fails); returns the progress values seen.</summary>
    internal static async Task<(JsonElement Export, List<int> Progress)> WaitReadyAsync(ApiClient api, string id)
    {
        var seen = new List<int>();
        var ready = await Eventually.Async(
            async () =>
            {
                var current = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/exports/{id}");
                seen.Add(current.GetProperty("progress").GetInt32());
                if (current.GetProperty("status").GetString() == "failed")
                    Assert.Fail($"export failed: {current.GetProperty("failureReason").GetString()}");
                return current;
            },
            current => current.GetProperty("status").GetString() == "ready",
            $"export {id} ready", TimeSpan.FromSeconds(90), TimeSpan.FromMilliseconds(100));
        return (ready, seen);
    }

    /// <summary>
    /// The file as a browser gets it: streamed with the attachment header (filesystem), or a redirect to a one-minute
    /// link that carries the attachment header itself (Azure).
    /// </summary>
    internal static async Task<(byte[] Bytes, System.Net.Http.Headers.ContentDispositionHeaderValue Disposition)> DownloadAsync(
        TestApp app, ApiClient api, string exportId)
    {
        var response = await api.Http.GetAsync($"/api/v1/exports/{exportId}/file");
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, $"Cache-Control: {response.Headers.CacheControl}");
        if (app.Mode == StorageMode.Production)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            using var direct = new HttpClient();
            response = await direct.GetAsync(response.Headers.Location);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var disposition = response.Content.Headers.ContentDisposition;
        Assert.NotNull(disposition);
        return (await response.Content.ReadAsByteArrayAsync(), disposition);
    }

    private static async Task<(int Width, int Height)> RenderAsync(TestApp app, ApiClient api, ProgressPhotos photos, bool cropToHip)
    {
        var created = await CreateAsync(api, photos.PatientId, "sequence", photos.LeftLateral, cropToHip);
        await WaitReadyAsync(api, created.GetProperty("id").GetString()!);
        var (bytes, _) = await DownloadAsync(app, api, created.GetProperty("id").GetString()!);
        using var picture = Cv2.ImDecode(bytes, ImreadModes.Color);
        return (picture.Width, picture.Height);
    }

    /// <summary>
    /// The band under the first photo: found by walking down the photo's left edge (light backdrop) from the middle
    /// until the dark stage begins, then the 48 rows below it.
    /// </summary>
    internal static Rect LabelBand(Mat picture)
    {
        var (width, height) = (picture.Width, picture.Height);
        var x = width / 40;
        var y = height / 2;
        while (y < height - 50 && picture.At<Vec3b>(y, x).Item1 > 100) y++;
        return new Rect(0, y + 2, width / 2, 48);
    }

    /// <summary>Standard deviation of the grey levels: near zero for a uniform band, high where text is drawn.</summary>
    internal static double Contrast(Mat picture, Rect region)
    {
        using var roi = new Mat(picture, region);
        using var grey = new Mat();
        Cv2.CvtColor(roi, grey, ColorConversionCodes.BGR2GRAY);
        Cv2.MeanStdDev(grey, out _, out var deviation);
        return deviation.Val0;
    }
}

[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres)]
public sealed class ExportApiProductionTests(ProductionAppFixture fixture) : ExportApiContract
{
    protected override TestApp App => fixture.App;
}
