using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// Patient accounts for portal tests, made the way AccessWorld makes them: the account is created, the record's
/// <c>UserId</c> linked, and only then the account signs in, so its token carries the <c>pt:patient</c> claim.
/// </summary>
public static class PatientAccounts
{
    /// <summary>A new patient account linked to <paramref name="patientId"/>; returns its email.</summary>
    public static async Task<string> LinkAsync(TestApp app, string patientId)
    {
        var email = $"patient-{Guid.NewGuid():N}@portal.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(email, Roles.Patient, TestApp.Password, default);
        Assert.True(user is not null, error);
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var patient = await db.Patients.SingleAsync(p => p.Id == Guid.Parse(patientId));
        patient.UserId = user.Id;
        await db.SaveChangesAsync();
        return email;
    }

    /// <summary>A bearer-token client of a new patient account linked to <paramref name="patientId"/>.</summary>
    public static async Task<ApiClient> SignedInAsync(TestApp app, string patientId) =>
        await ApiClient.SignInAsync(app, await LinkAsync(app, patientId));

    /// <summary>A patient record with a name and record number the tests can look for in what the patient gets.</summary>
    public static async Task<(string Id, string Name, string Record)> CreatePatientAsync(ApiClient staff)
    {
        var record = $"R-{Guid.NewGuid():N}"[..12];
        var name = $"Ingrid Quimby {record[2..6]}";
        var response = await staff.Http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = name, recordNumber = record, dateOfBirth = "1988-02-03" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        return (id, name, record);
    }
}
