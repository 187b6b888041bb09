using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace ProgressTracker.Stack;

/// <summary>One upload as the client saw it: how long until the app accepted it, and how many times it was sent.</summary>
public sealed record UploadReceipt(string PhotoId, TimeSpan AcceptLatency, int Attempts, DateTimeOffset AcceptedAt);

/// <summary>
/// A clinic's uploader against the API: signs in, makes patients and visits, and uploads photos the way a well-behaved
/// client does: a 503 is answered by waiting the Retry-After and sending the same bytes again. Every answer is counted
/// so a test can prove what the app said while its dependencies were down.
/// </summary>
public sealed class StackClient(HttpClient http)
{
    /// <summary>Every HTTP status this client received from uploads, with how often.</summary>
    public ConcurrentDictionary<int, int> UploadStatuses { get; } = new();
    /// <summary>503 answers that did not say when to retry.</summary>
    public int UnavailableWithoutRetryAfter;

    public AuthenticationHeaderValue? Authorization => http.DefaultRequestHeaders.Authorization;

    public static async Task<StackClient> SignInAsync(Uri web, string email, string password)
    {
        var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
        {
            BaseAddress = web, Timeout = TimeSpan.FromMinutes(2),
        };
        var response = await http.PostAsJsonAsync("/api/v1/auth/login", new { email, password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new StackClient(http);
    }

    public async Task<string> CreatePatientAsync(string record)
    {
        var response = await http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = "Stack P.", recordNumber = record, dateOfBirth = "1990-05-01" });
        return await IdAsync(response, HttpStatusCode.Created);
    }

    public async Task<string> CreateVisitAsync(string patientId, string kind, string date)
    {
        var response = await http.PostAsJsonAsync($"/api/v1/patients/{patientId}/visits", new { date, kind });
        return await IdAsync(response, HttpStatusCode.Created);
    }

    /// <summary>
    /// Sends the photo until the app accepts it (202, or 200 for bytes it already has), obeying Retry-After on 503.
    /// Any other answer is a failure of the app and throws.
    /// </summary>
    public async Task<UploadReceipt> UploadAsync(string visitId, byte[] jpeg, string view, TimeProvider clock,
        CancellationToken ct = default)
    {
        var started = clock.GetTimestamp();
        for (var attempt = 1; ; attempt++)
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(jpeg);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "file", "photo.jpg");
            form.Add(new StringContent(view), "view");
            using var response = await http.PostAsync($"/api/v1/visits/{visitId}/photos", form, ct);
            UploadStatuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if (response.StatusCode is HttpStatusCode.Accepted or HttpStatusCode.OK)
            {
                var id = (await response.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("id").GetString()!;
                return new UploadReceipt(id, clock.GetElapsedTime(started), attempt, clock.GetUtcNow());
            }
            if (response.StatusCode != HttpStatusCode.ServiceUnavailable)
                throw new InvalidOperationException(
                    $"Upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
            var wait = response.Headers.RetryAfter?.Delta;
            if (wait is null) Interlocked.Increment(ref UnavailableWithoutRetryAfter);
            await Task.Delay(wait ?? TimeSpan.FromSeconds(10), ct);
        }
    }

    public async Task<JsonElement> GetPhotoAsync(string photoId) =>
        await http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{photoId}");

    private static async Task<string> IdAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            throw new InvalidOperationException($"Expected {expected}, got {(int)response.StatusCode}: " +
                                                await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
