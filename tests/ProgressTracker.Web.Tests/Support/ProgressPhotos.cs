using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Imaging.Synthetic;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A patient with one left-lateral photo at each of three visits (baseline 12 Mar 2026, 18 Jun, 10 Sep: weeks 0, 14
/// and 26), the hip dip shallower at each, every photo Ready and aligned to the baseline; plus one front photo.
/// </summary>
public sealed record ProgressPhotos(string PatientId, IReadOnlyList<string> LeftLateral, string Front)
{
    public static readonly string[] Dates = ["2026-03-12", "2026-06-18", "2026-09-10"];

    public static async Task<ProgressPhotos> CreateAsync(ApiClient api, int width = 900, int height = 1200)
    {
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var photos = new List<string>();
        string? front = null;
        for (var i = 0; i < Dates.Length; i++)
        {
            var visit = (await api.CreateVisitAsync(patientId, i == 0 ? "baseline" : "follow-up", Dates[i])).GetProperty("id").GetString()!;
            var jpeg = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(width, height, "left-lateral", 0.8 - 0.3 * i, 7));
            photos.Add(await api.UploadReadyAsync(visit, jpeg, "left-lateral"));
            if (i == 0) front = await api.UploadReadyAsync(visit, TestImages.Jpeg(width, height, seed: 7, view: "front"), "front");
        }
        foreach (var id in photos) await WaitAlignedAsync(api, id);
        return new ProgressPhotos(patientId, photos, front!);
    }


    private static Task WaitAlignedAsync(ApiClient api, string photoId) =>
        Eventually.Async(async () => (await api.GetPhotoAsync(photoId)).GetProperty("alignment"),
            alignment => alignment.GetProperty("status").GetString() is "aligned" or "needs-review",
            $"photo {photoId} aligned or flagged for review");
}
