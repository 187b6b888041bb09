using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Api;

/// <summary>A photo that does not match its baseline is flagged for review — through the API.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class AlignmentApiTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task A_photo_that_does_not_match_the_baseline_needs_review_instead_of_a_confident_warp()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var first = (await api.CreateVisitAsync(patientId, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        var later = (await api.CreateVisitAsync(patientId, "follow-up", "2026-06-18")).GetProperty("id").GetString()!;
        await api.UploadReadyAsync(first, TestImages.Jpeg(900, 1200, seed: 3, view: "front"), "front");
        // A side profile of someone else filed as "front": the wrong view and the wrong person.
        var wrongId = await api.UploadReadyAsync(later, TestImages.Jpeg(900, 1200, seed: 11, view: "left-lateral"), "front");

        var alignment = await WaitAlignedAsync(api, wrongId);

        Assert.Equal("needs-review", alignment.GetProperty("status").GetString());
        Assert.True(alignment.GetProperty("score").GetDouble() < 0.5);
        Assert.False(string.IsNullOrWhiteSpace(alignment.GetProperty("reason").GetString()));
    }

    internal static double[] Matrix(JsonElement alignment) =>
        alignment.GetProperty("matrix").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>Polls until the alignment has settled (not pending), optionally onto a given baseline.</summary>
    internal static Task<JsonElement> WaitAlignedAsync(ApiClient api, string photoId, string? expectBaseline = null) =>
        Eventually.Async(
            async () => (await api.GetPhotoAsync(photoId)).GetProperty("alignment"),
            alignment => alignment.GetProperty("status").GetString() != "pending"
                         && (expectBaseline is null || alignment.GetProperty("baselinePhotoId").GetString() == expectBaseline),
            $"photo {photoId} aligned" + (expectBaseline is null ? "" : $" onto {expectBaseline}"));
}

/// <summary>Automatic alignment to the baseline, manual landmarks, reset, and a change of baseline — through the API.</summary>
[Collection(ProductionApp.Name), Trait(Tier.Name, Tier.Postgres)]
public sealed class AlignmentApiProductionTests(ProductionAppFixture fixture)
{
    [Fact]
    public async Task Follow_up_is_aligned_to_the_baseline_and_a_manual_alignment_can_replace_and_reset_it()
    {
        var app = fixture.App;
        var api = await ApiClient.SignInAsync(app);
        var patientId = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var first = (await api.CreateVisitAsync(patientId, "baseline", "2026-03-12")).GetProperty("id").GetString()!;
        var later = (await api.CreateVisitAsync(patientId, "follow-up", "2026-06-18")).GetProperty("id").GetString()!;

        var baselineId = await api.UploadReadyAsync(first, TestImages.Jpeg(900, 1200, seed: 7, view: "left-lateral"), "left-lateral");
        var (jpeg, truth) = WarpedPhotos.Make("left-lateral", seed: 7, dip: 0.3, degrees: 4, scale: 1.08, shiftX: 40, shiftY: -25);
        var followUpId = await api.UploadReadyAsync(later, jpeg, "left-lateral");

        var baseline = await AlignmentApiTests.WaitAlignedAsync(api, baselineId);
        Assert.Equal(baselineId, baseline.GetProperty("baselinePhotoId").GetString());
        var auto = await AlignmentApiTests.WaitAlignedAsync(api, followUpId);
        Assert.Equal("aligned", auto.GetProperty("status").GetString());
        Assert.Equal("auto", auto.GetProperty("method").GetString());
        Assert.Equal(baselineId, auto.GetProperty("baselinePhotoId").GetString());
        Assert.True(auto.GetProperty("score").GetDouble() > 0.5);
        Assert.True(WarpedPhotos.CornerError(AlignmentApiTests.Matrix(auto), truth, 900, 1200) < 4, "automatic matrix is off");
        var photo = await api.GetPhotoAsync(followUpId);
        var alignedUrl = photo.GetProperty("media").GetProperty("aligned").GetString()!;
        var alignedImage = await api.Http.GetAsync(alignedUrl);
        Assert.True(alignedImage.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.OK);

        // Landmarks chosen where the true matrix sends them, as a clinician would click them.
        var landmarks = new[] { (300.0, 250.0), (520.0, 700.0), (380.0, 1050.0) }.Select(p =>
        {
            var (bx, by) = WarpedPhotos.Apply(truth, p.Item1, p.Item2);
            return new { photo = new { x = p.Item1, y = p.Item2 }, baseline = new { x = bx, y = by } };
        });
        var manual = await api.Http.PutAsJsonAsync($"/api/v1/photos/{followUpId}/alignment/manual", new { landmarks });
        Assert.Equal(HttpStatusCode.OK, manual.StatusCode);
        var manualAlignment = (await manual.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("alignment");
        Assert.Equal("manual", manualAlignment.GetProperty("method").GetString());
        Assert.True(WarpedPhotos.CornerError(AlignmentApiTests.Matrix(manualAlignment), truth, 900, 1200) < 0.5);

        var tooFew = await api.Http.PutAsJsonAsync($"/api/v1/photos/{followUpId}/alignment/manual",
            new { landmarks = landmarks.Take(1) });
        Assert.Equal(422, (int)tooFew.StatusCode);

        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.DeleteAsync($"/api/v1/photos/{followUpId}/alignment/manual")).StatusCode);
        var reset = await AlignmentApiTests.WaitAlignedAsync(api, followUpId);
        Assert.Equal("auto", reset.GetProperty("method").GetString());

        // Choosing the follow-up as baseline realigns the old baseline onto it.
        Assert.Equal(HttpStatusCode.Accepted, (await api.Http.PutAsync($"/api/v1/photos/{followUpId}/baseline", null)).StatusCode);
        var moved = await AlignmentApiTests.WaitAlignedAsync(api, baselineId, expectBaseline: followUpId);
        Assert.Equal(followUpId, moved.GetProperty("baselinePhotoId").GetString());
    }
}
