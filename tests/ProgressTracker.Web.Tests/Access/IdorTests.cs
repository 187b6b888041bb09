using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Access;

/// <summary>
/// Patient A probing patient B's ids (insecure direct object references): every record route answers exactly as
/// for an id that does not exist, lists hold only what a direct read would return, and each probe is audited.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class IdorTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private IEnumerable<string> RoutesOfPatientB() =>
    [
        $"/api/v1/patients/{world.PatientB}",
        $"/api/v1/patients/{world.PatientB}/visits",
        $"/api/v1/patients/{world.PatientB}/timeline",
        $"/api/v1/photos/{world.PhotoB}",
        $"/api/v1/photos/{world.PhotoB}/media/thumb",
        $"/api/v1/photos/{world.PhotoB}/media/display",
        $"/api/v1/photos/{world.PhotoB}/media/aligned",
        $"/api/v1/photos/{world.PhotoB}/media/original",
    ];

    [Fact]
    public async Task Another_patients_records_look_exactly_like_records_that_do_not_exist()
    {
        var patientA = world.Api(Who.PatientA);
        foreach (var route in RoutesOfPatientB())
        {
            var probed = await DescribeAsync(patientA, route, world.PatientB, world.PhotoB);
            var missing = await DescribeAsync(patientA, route.Replace(world.PatientB, Guid.NewGuid().ToString())
                .Replace(world.PhotoB, Guid.NewGuid().ToString()), null, null);
            Assert.Equal(HttpStatusCode.NotFound, probed.Status);
            Assert.Equal(missing, probed);
        }
    }

    [Fact]
    public async Task Every_list_holds_exactly_what_a_direct_read_returns()
    {
        foreach (var who in Enum.GetValues<Who>().Where(w => w is not Who.Anonymous and not Who.Deactivated))
        {
            var api = world.Api(who);
            var listed = (await api.GetFromJsonAsync<JsonElement>("/api/v1/patients?pageSize=100")).GetProperty("items")
                .EnumerateArray().Select(p => p.GetProperty("id").GetString()!).ToHashSet();
            foreach (var id in listed)
                Assert.Equal(HttpStatusCode.OK, (await api.GetAsync($"/api/v1/patients/{id}")).StatusCode);
            foreach (var id in new[] { world.PatientA, world.PatientB })
            {
                var readable = (await api.GetAsync($"/api/v1/patients/{id}")).StatusCode == HttpStatusCode.OK;
                Assert.True(readable == listed.Contains(id), $"{who}: patient {id} readable={readable}, listed={listed.Contains(id)}");
            }
        }
        var patientA = world.Api(Who.PatientA);
        var own = (await patientA.GetFromJsonAsync<JsonElement>("/api/v1/patients")).GetProperty("items");
        Assert.Equal(world.PatientA, Assert.Single(own.EnumerateArray()).GetProperty("id").GetString());
        var search = await patientA.GetFromJsonAsync<JsonElement>("/api/v1/patients?q=Test");
        Assert.All(search.GetProperty("items").EnumerateArray(), p => Assert.Equal(world.PatientA, p.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task A_patient_reads_their_visits_without_clinical_notes_or_lot_numbers()
    {
        var clinician = await ApiClient.SignInAsync(world.App);
        var created = await clinician.Http.PostAsJsonAsync($"/api/v1/patients/{world.PatientA}/visits", new
        {
            date = "2026-04-01", kind = "treatment", notes = "Staff only: slight bruising",
            treatment = new { product = "PLLA", lot = "L-SECRET-1", volumeMl = 8.0, areas = new[] { "left hip" }, sessionNumber = 1 },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var asPatient = await world.Api(Who.PatientA).GetStringAsync($"/api/v1/patients/{world.PatientA}/visits");
        Assert.DoesNotContain("bruising", asPatient);
        Assert.DoesNotContain("L-SECRET-1", asPatient);
        Assert.Contains("PLLA", asPatient);
        var asStaff = await clinician.Http.GetStringAsync($"/api/v1/patients/{world.PatientA}/visits");
        Assert.Contains("bruising", asStaff);
        Assert.Contains("L-SECRET-1", asStaff);
    }

    [Fact]
    public async Task A_refused_probe_is_in_the_audit_trail()
    {
        var since = world.App.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.Equal(HttpStatusCode.NotFound, (await world.Api(Who.PatientA).GetAsync($"/api/v1/photos/{world.PhotoB}")).StatusCode);

        await world.App.FlushAuditAsync();
        await using var scope = world.App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var photo = world.PhotoB;
        var entries = (await db.AuditEntries.AsNoTracking().Where(e => e.Action == "access.denied" && e.ResourceId == photo)
            .ToListAsync()).Where(e => e.At >= since).ToList();
        var entry = Assert.Single(entries);
        Assert.Equal(AuditOutcome.Denied, entry.Outcome);
        Assert.Equal(Guid.Parse(world.PatientB), entry.PatientId);
        Assert.Equal("Patient", entry.ActorRole);
        Assert.NotNull(entry.ActorId);
    }

    private sealed record Answer(HttpStatusCode Status, string Body);

    /// <summary>Status and body with the asked-for ids blanked, so two answers compare on everything else.</summary>
    private static async Task<Answer> DescribeAsync(HttpClient api, string route, string? patientId, string? photoId)
    {
        var response = await api.GetAsync(route);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var id in new[] { patientId, photoId }.OfType<string>()) body = body.Replace(id, "{id}");
        body = System.Text.RegularExpressions.Regex.Replace(body, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "{id}");
        body = System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");
        return new Answer(response.StatusCode, body);
    }
}
