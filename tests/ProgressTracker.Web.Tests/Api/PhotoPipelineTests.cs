using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>The whole path — upload, blob storage, background job, timeline — on both configurations.</summary>
public abstract class PhotoPipelineContract
{
    protected abstract TestApp App { get; }

    [Fact]
    public async Task Uploaded_12_megapixel_jpeg_is_accepted_then_becomes_ready_with_derivatives()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var visit = await api.CreateVisitAsync(patient.GetProperty("id").GetString()!);
        var jpeg = TestImages.Jpeg(4000, 3000);

        var response = await api.UploadAsync(visit.GetProperty("id").GetString()!, jpeg);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var accepted = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("left-lateral", accepted.GetProperty("view").GetString());
        Assert.StartsWith("sha256:", accepted.GetProperty("contentHash").GetString());
        var photo = await api.WaitUntilSettledAsync(accepted.GetProperty("id").GetString()!);
        Assert.Equal("ready", photo.GetProperty("status").GetString());
        Assert.Equal(4000, photo.GetProperty("width").GetInt32());
        Assert.Equal(3000, photo.GetProperty("height").GetInt32());

        var thumb = await FetchImageAsync(app, api, photo.GetProperty("media").GetProperty("thumb").GetString()!);
        var display = await FetchImageAsync(app, api, photo.GetProperty("media").GetProperty("display").GetString()!);
        var original = await FetchImageAsync(app, api, photo.GetProperty("media").GetProperty("original").GetString()!);
        Assert.Equal(320, LongEdge(thumb));
        Assert.Equal(1280, LongEdge(display));
        Assert.Equal(jpeg, original); // the original is kept byte for byte
    }

    private static async Task<byte[]> FetchImageAsync(TestApp app, ApiClient api, string url)
    {
        var response = await api.Http.GetAsync(url);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            // Azure: a short-lived read-only link to that one blob, fetched without our credentials.
            var sas = response.Headers.Location!;
            Assert.Contains("sig=", sas.Query);
            Assert.Contains("sp=r", sas.Query);
            using var anonymous = new HttpClient();
            response = await anonymous.GetAsync(sas);
        }
        else
        {
            Assert.Equal(StorageMode.Embedded, app.Mode);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static int LongEdge(byte[] jpeg)
    {
        using var mat = OpenCvSharp.Cv2.ImDecode(jpeg, OpenCvSharp.ImreadModes.Unchanged);
        return Math.Max(mat.Width, mat.Height);
    }
}

[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class PhotoPipelineTests(EmbeddedAppFixture fixture) : PhotoPipelineContract
{
    protected override TestApp App => fixture.App;

    [Fact]
    public async Task Derivatives_come_as_webp_to_clients_that_accept_it_and_as_jpeg_otherwise()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var visitId = (await api.CreateVisitAsync(patient.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;
        var accepted = await (await api.UploadAsync(visitId, TestImages.Jpeg())).Content.ReadFromJsonAsync<JsonElement>();
        var photo = await api.WaitUntilSettledAsync(accepted.GetProperty("id").GetString()!);
        var thumb = photo.GetProperty("media").GetProperty("thumb").GetString()!;

        var plain = await api.Http.GetAsync(thumb);
        Assert.Equal("image/jpeg", plain.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0xFF, 0xD8], (await plain.Content.ReadAsByteArrayAsync())[..2]);
        Assert.Contains("Accept", plain.Headers.Vary);

        using var browserLike = new HttpRequestMessage(HttpMethod.Get, thumb);
        browserLike.Headers.Accept.ParseAdd("image/avif,image/webp,*/*");
        var negotiated = await api.Http.SendAsync(browserLike);
        Assert.Equal("image/webp", negotiated.Content.Headers.ContentType?.MediaType);
        Assert.Equal("WEBP"u8.ToArray(), (await negotiated.Content.ReadAsByteArrayAsync())[8..12]);

        var explicitWebp = await api.Http.GetAsync(thumb + "&format=webp");
        Assert.Equal("image/webp", explicitWebp.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, (await api.Http.GetAsync(thumb + "&format=gif")).StatusCode);
    }

    [Fact]
    public async Task Same_bytes_uploaded_twice_to_a_visit_return_the_existing_photo()
    {
        var app = App;
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var visitId = (await api.CreateVisitAsync(patient.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;
        var jpeg = TestImages.Jpeg();

        var first = await api.UploadAsync(visitId, jpeg);
        var second = await api.UploadAsync(visitId, jpeg);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var a = await first.Content.ReadFromJsonAsync<JsonElement>();
        var b = await second.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(a.GetProperty("id").GetString(), b.GetProperty("id").GetString());
    }
}

[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres)]
public sealed class PhotoPipelineProductionTests(ProductionAppFixture fixture) : PhotoPipelineContract
{
    protected override TestApp App => fixture.App;

    [Fact]
    public async Task Timeline_lists_visits_in_date_order_with_their_photos_per_view()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var later = (await api.CreateVisitAsync(patientId, "follow-up", "2026-06-18")).GetProperty("id").GetString()!;
        var earlier = (await api.CreateVisitAsync(patientId, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        await api.UploadAsync(later, TestImages.Jpeg(seed: 2), "front");
        await api.UploadAsync(earlier, TestImages.Jpeg(seed: 3), "front");
        await api.UploadAsync(earlier, TestImages.Jpeg(seed: 4), "back");

        var timeline = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{patientId}/timeline?view=front");

        var views = timeline.GetProperty("views").EnumerateArray().ToList();
        var front = Assert.Single(views);
        Assert.Equal("front", front.GetProperty("view").GetString());
        var columns = front.GetProperty("visits").EnumerateArray().ToList();
        Assert.Equal(["2026-03-12", "2026-06-18"],
            columns.Select(c => c.GetProperty("visit").GetProperty("date").GetString()));
        Assert.All(columns, c => Assert.Single(c.GetProperty("photos").EnumerateArray()));
        var all = await api.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{patientId}/timeline");
        Assert.Equal(2, all.GetProperty("views").GetArrayLength());
    }
}
