using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Imaging.Measurement;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Measurements;

/// <summary>
/// The measured outcome through the API: every aligned photo is measured in the background, the series per view
/// carries the course's weeks, sessions and the minimal detectable change, and the CSV says the same.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class MeasurementApiTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Front_photos_are_measured_after_alignment_and_the_series_follows_the_course()
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var s = await MeasuredFronts.CreateAsync(clinician);

        var depths = new List<double>();
        foreach (var id in s.Front)
        {
            var m = (await clinician.GetPhotoAsync(id)).GetProperty("measurements");
            Assert.Equal("measured", m.GetProperty("status").GetString());
            Assert.Equal(HipMeasurer.MethodVersion, m.GetProperty("methodVersion").GetInt32());
            Assert.Equal("relative", m.GetProperty("units").GetString());
            Assert.InRange(m.GetProperty("confidence").GetDouble(), HipMeasurer.ConfidenceThreshold, 1);
            Assert.Equal(JsonValueKind.Null, m.GetProperty("left").GetProperty("depthMm").ValueKind);
            depths.Add((m.GetProperty("left").GetProperty("depthPct").GetDouble() + m.GetProperty("right").GetProperty("depthPct").GetDouble()) / 2);
        }
        // The generated dip is shallower at every session: the measurement must say so, by more than the noise.
        Assert.True(depths[0] > depths[1] && depths[1] > depths[2], $"Depths {string.Join(", ", depths)} do not fall.");

        var series = await clinician.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{s.PatientId}/measurements?view=front");
        Assert.Equal("front", series.GetProperty("view").GetString());
        var points = series.GetProperty("points").EnumerateArray().ToList();
        Assert.Equal(s.Front, points.Select(p => p.GetProperty("photoId").GetString()));
        Assert.Equal([0, 4, 8], points.Select(p => p.GetProperty("weeksSinceFirstSession").GetInt32()));
        Assert.Equal(3, series.GetProperty("sessions").GetArrayLength());
        var mdc = series.GetProperty("minimalDetectableChangePct").GetDouble();
        Assert.InRange(mdc, 1.96 * Math.Sqrt(2) * 0.15 - 0.01, 2);
        Assert.True(depths[0] - depths[2] > mdc, $"A course from {depths[0]:0.00} to {depths[2]:0.00} % should exceed the MDC {mdc}.");

        var empty = await clinician.Http.GetFromJsonAsync<JsonElement>($"/api/v1/patients/{s.PatientId}/measurements?view=back");
        Assert.Equal(0, empty.GetProperty("points").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("minimalDetectableChangePct").ValueKind);
    }

    [Fact]
    public async Task The_series_comes_as_csv_with_one_row_per_photo()
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var s = await MeasuredFronts.CreateAsync(clinician);

        var response = await clinician.Http.GetAsync($"/api/v1/patients/{s.PatientId}/measurements?view=front&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("photo_id,visit_id,date,weeks_since_first_session,view,status", lines[0]);
        Assert.Equal(4, lines.Length);
        var first = lines[1].Split(',');
        Assert.Equal(s.Front[0], first[0]);
        Assert.Equal(MeasuredFronts.Dates[0], first[2]);
        Assert.Equal("measured", first[5]);
    }

    [Theory]
    [InlineData("view=sideways")]
    [InlineData("")]
    [InlineData("view=front&format=xlsx")]
    public async Task A_bad_view_or_format_is_a_clear_400(string query)
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var patient = (await clinician.CreatePatientAsync()).GetProperty("id").GetString();
        var response = await clinician.Http.GetAsync($"/api/v1/patients/{patient}/measurements?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Matches("use one of|use json or csv", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_overlay_traces_what_was_measured_in_the_photos_own_pixels()
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var s = await MeasuredFronts.CreateAsync(clinician);

        var body = await clinician.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{s.Front[0]}/measurements/overlay");

        Assert.Equal("measured", body.GetProperty("measurements").GetProperty("status").GetString());
        var overlay = body.GetProperty("overlay");
        Assert.Equal(1200, overlay.GetProperty("width").GetInt32());
        var sides = overlay.GetProperty("sides").EnumerateArray().ToList();
        Assert.Equal(["right", "left"], sides.Select(x => x.GetProperty("side").GetString()).Order().Reverse());
        foreach (var side in sides)
        {
            var contour = side.GetProperty("contour").EnumerateArray().ToList();
            Assert.True(contour.Count > 20);
            Assert.All(contour, p => Assert.InRange(p.GetProperty("x").GetDouble(), 0, 1200));
        }
    }

    [Fact]
    public async Task A_patient_sees_no_measurements_on_their_own_photos_while_the_clinic_does_not_show_them()
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var s = await MeasuredFronts.CreateAsync(clinician);
        var email = $"me-{Guid.NewGuid():N}@patient.test";
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
            var (user, _) = await accounts.AddAsync(email, Roles.Patient, TestApp.Password, default);
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var record = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(s.PatientId));
            record.UserId = user!.Id;
            await db.SaveChangesAsync();
        }
        var patient = await ApiClient.SignInAsync(fixture.App, email);

        // Portal:ShowMeasurements is off in this app: the photo reads, its measurements do not, nor the series.
        var photo = await patient.Http.GetFromJsonAsync<JsonElement>($"/api/v1/photos/{s.Front[0]}");
        Assert.Equal(JsonValueKind.Null, photo.GetProperty("measurements").ValueKind);
        var timeline = await patient.Http.GetStringAsync($"/api/v1/patients/{s.PatientId}/timeline");
        Assert.DoesNotContain("depthPct", timeline, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await patient.Http.GetAsync($"/api/v1/patients/{s.PatientId}/measurements?view=front")).StatusCode);
        // The clinician sees them on the same photo.
        Assert.Equal("measured", (await clinician.GetPhotoAsync(s.Front[0])).GetProperty("measurements").GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_measurement_made_by_an_older_method_is_made_again_in_the_background()
    {
        var clinician = await ApiClient.SignInAsync(fixture.App);
        var s = await MeasuredFronts.CreateAsync(clinician);
        var photoId = Guid.Parse(s.Front[1]);

        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            // As if stored by version 0 long ago: the sweep must find it and measure it again.
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var old = DateTimeOffset.Parse("2020-01-01T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
            await db.Photos.Where(p => p.Id == photoId).ExecuteUpdateAsync(u => u
                .SetProperty(p => p.Measurement.MethodVersion, 0)
                .SetProperty(p => p.Alignment.UpdatedAt, old));
        }

        await Eventually.Async(async () =>
            {
                await using var scope = fixture.App.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                return await db.Photos.Where(p => p.Id == photoId).Select(p => p.Measurement.MethodVersion).SingleAsync();
            },
            version => version == HipMeasurer.MethodVersion, "re-measured by the current method", TimeSpan.FromSeconds(60));
    }
}
