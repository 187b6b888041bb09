using ProgressTracker.Imaging;
using ProgressTracker.Imaging.Synthetic;
using ProgressTracker.Web.Features.Photos.Upload;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Demo;

/// <summary>
/// First run of the embedded default: a small demo clinic so a newcomer sees timelines at once. Photos are
/// generated silhouettes that go through the real upload path and background processing.
/// </summary>
public sealed class DemoSeeder(
    AppDbContext db, UserAccounts accounts, UploadPhotoHandler uploads, AppOptions app, TimeProvider clock,
    ILogger<DemoSeeder> log)
{
    /// <summary>The passwords are shown once, when they are made; later starts only say where they are kept.</summary>
    public static async Task SeedIfEnabledAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<DemoOptions>().Seed) return;
        bool seeded;
        await using (var scope = services.CreateAsyncScope())
            seeded = await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(ct);
        var console = services.GetRequiredService<DemoAnnouncer>().Output;
        var dataPath = services.GetRequiredService<AppOptions>().DataPath;
        if (seeded)
            DemoAccounts.Print(console, dataPath, services.GetRequiredService<IConfiguration>()["urls"] ?? "http://127.0.0.1:5080");
        else if (File.Exists(DemoAccounts.FilePath(dataPath)))
            console.WriteLine($"  Demo accounts and their passwords: {DemoAccounts.FilePath(dataPath)}");
    }

    /// <summary>Seeds an empty database; false (and nothing written) when it already has users or patients.</summary>
    public async Task<bool> SeedAsync(CancellationToken ct)
    {
        if (await db.Users.AnyAsync(ct) || await db.Patients.AnyAsync(ct)) return false;
        log.LogInformation("Seeding the demo clinic");

        var created = new List<(string, string, string)>();
        Guid? patientUserId = null;
        foreach (var (email, role) in DemoAccounts.All)
        {
            var password = DemoAccounts.NewPassword();
            var (user, error) = await accounts.AddAsync(email, role, password, ct);
            if (user is null) throw new InvalidOperationException($"Demo account {email}: {error}");
            if (role == Roles.Patient) patientUserId = user.Id;
            created.Add((role, email, password));
        }
        await DemoAccounts.SaveAsync(app.DataPath, created, ct);

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        foreach (var plan in DemoClinic.Patients(today))
            await SeedPatientAsync(plan, plan.LinkToPatientAccount ? patientUserId : null, ct);
        return true;
    }

    private async Task SeedPatientAsync(DemoPatient plan, Guid? userId, CancellationToken ct)
    {
        var patient = new Patient
        {
            DisplayName = plan.DisplayName, RecordNumber = plan.RecordNumber, DateOfBirth = plan.DateOfBirth,
            UserId = userId, CreatedAt = clock.GetUtcNow(),
        };
        db.Patients.Add(patient);
        var visits = plan.Visits.Select(v => new Visit
        {
            PatientId = patient.Id, Date = v.Date, Kind = v.Kind, Notes = v.Notes, PatientNote = v.PatientNote,
            Treatment = v.Treatment,
            CreatedAt = clock.GetUtcNow(),
        }).ToList();
        db.Visits.AddRange(visits);
        await db.SaveChangesAsync(ct);

        for (var i = 0; i < visits.Count; i++)
        {
            foreach (var view in plan.Views)
            {
                var bytes = SyntheticBody.RenderJpeg(new SyntheticBodyOptions(
                    Width: 1200, Height: 1600, View: EnumNames.ToKebab(view),
                    HipDipDepth: plan.Visits[i].HipDipDepth, Seed: plan.Seed, // same body every visit; only the hip dip changes
                    Caption: $"{plan.RecordNumber}  {visits[i].Date:yyyy-MM-dd}"));
                using var content = new MemoryStream(bytes);
                var result = await uploads.HandleAsync(new UploadPhotoCommand(
                    visits[i], EnumNames.ToKebab(view), content, bytes.Length, $"{EnumNames.ToKebab(view)}.jpg", null), ct);
                if (result.Failed(out var r, out _)) throw new InvalidOperationException($"Demo photo rejected: {r.Detail}");
            }
        }
    }
}
