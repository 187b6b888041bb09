using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;
using Xunit.Abstractions;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>
/// Broken and hostile files through the real API: each is either refused with a ProblemDetails or accepted and then
/// ends Ready or Failed with a reason — never stuck, never a 5xx, and the app stays healthy. (The imaging library's
/// own robustness suite covers hundreds more mutants without HTTP in between.)
/// </summary>
/// <remarks>An app of its own: it runs with a shorter processing timeout.</remarks>
[Trait(Tier.Name, Tier.Fast)]
public sealed class HostileUploadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Mutated_uploads_are_refused_or_end_ready_or_failed_and_the_app_stays_healthy()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, "All", false, "--Jobs:ProcessingTimeout=00:00:20");
        var api = await ApiClient.SignInAsync(app);
        var patient = await api.CreatePatientAsync();
        var visitId = (await api.CreateVisitAsync(patient.GetProperty("id").GetString()!)).GetProperty("id").GetString()!;

        var refused = 0;
        var accepted = new List<string>();
        foreach (var (name, bytes) in Mutants(TestImages.Jpeg(600, 800)))
        {
            var response = await api.UploadAsync(visitId, bytes, fileName: name);
            var status = (int)response.StatusCode;
            Assert.True(status is 202 or 200 or (>= 400 and < 500), $"{name}: answered {status}");
            if (status >= 400)
            {
                refused++;
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
                var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
                Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()), name);
            }
            else
            {
                accepted.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
            }
        }

        var outcomes = new Dictionary<string, int>();
        foreach (var id in accepted.Distinct())
        {
            var photo = await api.WaitUntilSettledAsync(id, TimeSpan.FromSeconds(90));
            var status = photo.GetProperty("status").GetString()!;
            Assert.True(status is "ready" or "failed", $"photo {id} is still {status}");
            if (status == "failed")
                Assert.False(string.IsNullOrWhiteSpace(photo.GetProperty("failureReason").GetString()));
            outcomes[status] = outcomes.GetValueOrDefault(status) + 1;
        }
        output.WriteLine($"refused {refused}, ready {outcomes.GetValueOrDefault("ready")}, failed {outcomes.GetValueOrDefault("failed")}");
        Assert.True(refused > 0 && accepted.Count > 0, "the mutants should exercise both paths");
        using var http = app.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
    }

    /// <summary>Deterministic mutants of one valid JPEG: truncations, bit flips, zeroed runs, forged sizes, polyglots.</summary>
    private static IEnumerable<(string Name, byte[] Bytes)> Mutants(byte[] jpeg)
    {
        var random = new Random(20261124);
        foreach (var fraction in new[] { 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99 })
            yield return ($"truncated-{fraction}", jpeg[..(int)(jpeg.Length * fraction)]);
        for (var i = 0; i < 12; i++)
        {
            var copy = (byte[])jpeg.Clone();
            var at = random.Next(2, i < 6 ? Math.Min(600, copy.Length) : copy.Length);
            copy[at] ^= (byte)(1 << random.Next(8));
            yield return ($"bitflip-{i}-at-{at}", copy);
        }
        for (var i = 0; i < 4; i++)
        {
            var copy = (byte[])jpeg.Clone();
            var at = random.Next(copy.Length / 4, copy.Length - 2000);
            Array.Clear(copy, at, 1500);
            yield return ($"zeroed-{i}", copy);
        }
        var sof = IndexOfMarker(jpeg, 0xC0);
        if (sof > 0)
        {
            var forged = (byte[])jpeg.Clone();
            forged[sof + 5] = 0xFF; forged[sof + 6] = 0xFF; // height 65535
            forged[sof + 7] = 0xFF; forged[sof + 8] = 0xFF; // width 65535: 4.3 gigapixels claimed
            yield return ("forged-dimensions", forged);
        }
        yield return ("jpeg-then-zip", [.. jpeg, .. "PK\u0003\u0004polyglot"u8.ToArray()]);
        yield return ("pdf-then-jpeg", [.. "%PDF-1.4\n"u8.ToArray(), .. jpeg]);
        yield return ("html-then-jpeg", [.. "<html><script>alert(1)</script>"u8.ToArray(), .. jpeg]);
    }

    private static int IndexOfMarker(byte[] bytes, byte marker)
    {
        for (var i = 2; i < bytes.Length - 9; i++)
            if (bytes[i] == 0xFF && bytes[i + 1] == marker) return i;
        return -1;
    }
}
