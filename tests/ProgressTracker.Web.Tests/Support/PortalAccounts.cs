using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>Patient accounts linked to a patient record, as an accepted invitation leaves them.</summary>
public static class PortalAccounts
{
    /// <summary>A new patient account (password <see cref="TestApp.Password"/>) linked to the record; its email.</summary>
    public static async Task<string> AddLinkedAsync(TestApp app, string patientId)
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
}
