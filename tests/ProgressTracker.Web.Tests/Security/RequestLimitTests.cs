using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using OpenCvSharp;
using ProgressTracker.Imaging;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Security;

/// <summary>
/// A request body is small unless the route takes photos: a huge post to the sign-in endpoint is refused before it
/// is read, while uploads still accept files up to Uploads:MaxBytes.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class RequestLimitTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_two_megabyte_login_is_refused_with_413()
    {
        // However slowly a loaded machine answers, the client waits for it rather than sending the body after 1 s.
        using var http = new HttpClient(new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromSeconds(30) })
        {
            BaseAddress = fixture.App.BaseAddress,
        };
        var json = $$"""{"email":"clinician@test.local","password":"{{new string('a', 2 * 1024 * 1024)}}"}""";
        // Expect: 100-continue, as a careful client sends a large body: the server answers 413 from the headers and
        // the body is never sent. Without it the server may close the connection while the client is still writing
        // the 2 MB it refused, and the client sees a broken pipe instead of the answer.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/auth/login")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_photo_larger_than_the_default_body_limit_still_uploads()
    {
        var api = await ApiClient.SignInAsync(fixture.App);
        var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        var photo = NoisyJpeg();
        Assert.True(photo.Length > 2 * 1024 * 1024, $"the test photo is {photo.Length} bytes");
        using var response = await api.UploadAsync(visit, photo, "front");
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public void The_upload_page_and_endpoint_accept_a_full_set_of_photos()
    {
        var limits = fixture.App.Services.GetRequiredService<ImageLimits>();
        var endpoints = fixture.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        long? LimitOf(string pattern) => endpoints
            .Single(e => e.RoutePattern.RawText?.TrimStart('/') == pattern && e.Metadata.GetMetadata<IRequestSizeLimitMetadata>() is not null)
            .Metadata.GetMetadata<IRequestSizeLimitMetadata>()!.MaxRequestBodySize;

        Assert.True(LimitOf("api/v1/visits/{id}/photos") > limits.MaxBytes);
        Assert.True(LimitOf("visits/{visitId:guid}/upload") >= 6 * limits.MaxBytes, "one file per standard view");
        const long scan = ProgressTracker.Web.Features.Consents.ConsentRecords.MaxFormBytes;
        Assert.True(LimitOf("api/v1/consents/{id}/form") > scan);
        Assert.True(LimitOf("patients/{id:guid}/consents") > scan, "the staff consent screen attaches scans");
    }

    /// <summary>Noise barely compresses, so a modest photo is several megabytes.</summary>
    private static byte[] NoisyJpeg()
    {
        using var image = new Mat(1800, 1400, MatType.CV_8UC3);
        Cv2.Randu(image, Scalar.All(0), Scalar.All(255));
        Cv2.ImEncode(".jpg", image, out var bytes, new ImageEncodingParam(ImwriteFlags.JpegQuality, 95));
        return bytes;
    }
}
