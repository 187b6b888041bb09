using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>A signed-in API caller with the few calls the tests repeat.</summary>
public sealed class ApiClient(HttpClient http)
{
    public HttpClient Http => http;

    public static async Task<ApiClient> SignInAsync(TestApp app, string email = TestApp.ClinicianEmail,
        string password = TestApp.Password)
    {
        var http = app.CreateClient();
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new ApiClient(http);
    }

    public async Task<JsonElement> CreatePatientAsync(string? record = null)
    {
        var response = await http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = "Test P.", recordNumber = record ?? $"T-{Guid.NewGuid():N}"[..12], dateOfBirth = "1990-05-01" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public async Task<JsonElement> CreateVisitAsync(string patientId, string kind = "baseline", string date = "2026-03-12")
    {
        var response = await http.PostAsJsonAsync($"/api/v1/patients/{patientId}/visits", new { date, kind });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public Task<HttpResponseMessage> UploadAsync(string visitId, byte[] bytes, string view = "left-lateral",
        string fileName = "photo.jpg")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(view), "view");
        return http.PostAsync($"/api/v1/visits/{visitId}/photos", form);
    }

    /// <summary>Uploads a photo and returns the id the API answers with.</summary>
    public async Task<string> UploadIdAsync(string visitId, byte[] bytes, string view)
    {
        var response = await UploadAsync(visitId, bytes, view);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    /// <summary>Uploads a new photo (202) and waits until it is processed; returns its id.</summary>
    public async Task<string> UploadReadyAsync(string visitId, byte[] bytes, string view)
    {
        var response = await UploadAsync(visitId, bytes, view);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("ready", (await WaitUntilSettledAsync(id)).GetProperty("status").GetString());
        return id;
    }

    public async Task<JsonElement> GetPhotoAsync(string photoId) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{photoId}");

    /// <summary>Polls until the photo is Ready or Failed; a functional timeout, not a performance assertion.</summary>
    public Task<JsonElement> WaitUntilSettledAsync(string photoId, TimeSpan? timeout = null) =>
        Eventually.Async(() => GetPhotoAsync(photoId),
            photo => photo.GetProperty("status").GetString() is "ready" or "failed",
            $"photo {photoId} ready or failed", timeout);
}
