using System.Net.Http.Json;
using System.Text.Json;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A patient with three visits (12 Mar baseline, 9 Apr treatment, 10 Sep follow-up): left lateral at each visit,
/// front at the first and last; the follow-up laterals are shifted and rotated copies, so as-taken photos differ.
/// </summary>
public sealed record SeededPatient(string Id, string FirstVisitId, string[] LateralPhotos)
{
    /// <summary>Three visits; left lateral at each, front at the first and last. Waits until all are aligned.</summary>
    public static async Task<SeededPatient> CreateAsync(TestApp app)
    {
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visits = new List<string>();
        foreach (var (kind, date) in new[] { ("baseline", "2026-03-12"), ("treatment", "2026-04-09"), ("follow-up", "2026-09-10") })
            visits.Add((await api.CreateVisitAsync(patientId, kind, date)).GetProperty("id").GetString()!);

        var lateral = new List<string> { await api.UploadIdAsync(visits[0], TestImages.Jpeg(900, 1200, seed: 7), "left-lateral") };
        foreach (var (visit, shift) in new[] { (visits[1], 40.0), (visits[2], 90.0) })
        {
            var (jpeg, _) = WarpedPhotos.Make("left-lateral", 7, 0.3, degrees: 4, scale: 0.92, shiftX: shift, shiftY: 30);
            lateral.Add(await api.UploadIdAsync(visit, jpeg, "left-lateral"));
        }
        var front = new[]
        {
            await api.UploadIdAsync(visits[0], TestImages.Jpeg(900, 1200, seed: 8, view: "front"), "front"),
            await api.UploadIdAsync(visits[2], TestImages.Jpeg(900, 1200, seed: 9, view: "front"), "front"),
        };
        foreach (var id in lateral.Concat(front)) await WaitUntilAlignedAsync(api, id);
        return new SeededPatient(patientId, visits[0], [.. lateral]);
    }

    private static Task WaitUntilAlignedAsync(ApiClient api, string photoId) =>
        Eventually.Async(() => api.GetPhotoAsync(photoId),
            photo => photo.GetProperty("status").GetString() == "failed"
                ? throw new InvalidOperationException($"processing of photo {photoId} failed")
                : photo.GetProperty("alignment").GetProperty("status").GetString() is not "pending",
            $"photo {photoId} aligned", TimeSpan.FromSeconds(90));
}
