using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A patient with three treatment sessions four weeks apart and a front photo at each (a generated body whose hip dip
/// is shallower each time), every photo processed, aligned and measured.
/// </summary>
public sealed record MeasuredFronts(string PatientId, IReadOnlyList<string> Front)
{
    public static readonly string[] Dates = ["2026-03-12", "2026-04-09", "2026-05-07"];

    public static async Task<MeasuredFronts> CreateAsync(ApiClient api)
    {
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var photos = new List<string>();
        for (var i = 0; i < Dates.Length; i++)
        {
            var response = await api.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/visits", new
            {
                date = Dates[i], kind = "treatment",
                treatment = new { product = "PLLA", volumeMl = 8.0, sessionNumber = i + 1, areas = new[] { "left hip", "right hip" } },
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            var visit = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
            var jpeg = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(1200, 1600, "front", 1.3 - 0.3 * i, 11));
            photos.Add(await api.UploadReadyAsync(visit, jpeg, "front"));
        }
        foreach (var id in photos)
            await Eventually.Async(async () => (await api.GetPhotoAsync(id)).GetProperty("measurements"),
                m => m.ValueKind == JsonValueKind.Object && m.GetProperty("status").GetString() != "pending",
                $"photo {id} measured", TimeSpan.FromSeconds(120));
        return new MeasuredFronts(patientId, photos);
    }
}
