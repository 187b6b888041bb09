using System.Security.Cryptography;
using System.Text;
using ProgressTracker.Imaging;
using ProgressTracker.Web.Domain;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Storage;

namespace ProgressTracker.Benchmarks;

/// <summary>What <see cref="TimelineSeed"/> wrote, so the benchmark can check the responses against it.</summary>
public sealed record TimelineSeeded(Guid PatientId, int Visits, int Views, int Photos, int NeedsReview,
    int OtherPatients, int AllPhotos);

/// <summary>
/// One patient two years into a treatment course (baseline, three PLLA sessions, follow-ups: 30 visits × 4 views of
/// finished photos) among other patients, so the timeline query's patient filters have rows to skip.
/// Rows only, written through the app's DbContext: the patient page renders from rows alone (thumbnails are URLs the
/// browser fetches afterwards), so making real images would slow the set-up without changing what is measured.
/// </summary>
public sealed class TimelineSeed(AppDbContext db, Guid clinicianId)
{
    public const int VisitCount = 30;
    public static readonly PhotoView[] Views =
        [PhotoView.Front, PhotoView.Back, PhotoView.LeftLateral, PhotoView.RightLateral];
    private static readonly DateOnly CourseStart = new(2024, 11, 18);

    private readonly Random _random = new(2026); // the same rows every run
    private readonly Dictionary<(Guid Patient, PhotoView View), Guid> _baselines = [];

    public async Task<TimelineSeeded> WriteAsync(int otherPatients, CancellationToken ct)
    {
        var patient = NewPatient("Lena K.", "T-0001", new DateOnly(1988, 4, 17));
        db.Patients.Add(patient);
        var needsReview = 0;
        foreach (var (visit, index) in CourseVisits(patient.Id).Select((v, i) => (v, i)))
        {
            db.Visits.Add(visit);
            foreach (var view in Views)
            {
                // A few follow-ups a clinician still has to check, as the aligner flags them on real series.
                var review = visit.Kind == VisitKind.FollowUp && (index * 4 + (int)view) % 17 == 5;
                if (review) needsReview++;
                db.Photos.Add(FinishedPhoto(visit, view, review));
            }
        }
        await SaveAsync(ct);

        var photos = VisitCount * Views.Length;
        var allPhotos = photos;
        for (var i = 0; i < otherPatients; i++)
        {
            var other = NewPatient($"Patient {i + 2}", $"T-{i + 2:0000}", new DateOnly(1970 + i % 30, 1 + i % 12, 1 + i % 28));
            db.Patients.Add(other);
            var start = CourseStart.AddDays(_random.Next(0, 600));
            var visits = _random.Next(2, 11);
            for (var v = 0; v < visits; v++)
            {
                var visit = NewVisit(other.Id, start.AddDays(v * 28), v == 0 ? VisitKind.Baseline : VisitKind.FollowUp,
                    null, null);
                db.Visits.Add(visit);
                foreach (var view in Views)
                    db.Photos.Add(FinishedPhoto(visit, view, review: false));
                allPhotos += Views.Length;
            }
            if (i % 50 == 49) await SaveAsync(ct); // keeps the change tracker small
        }
        await SaveAsync(ct);
        return new TimelineSeeded(patient.Id, VisitCount, Views.Length, photos, needsReview, otherPatients, allPhotos);
    }

    /// <summary>Baseline, sessions 1–3 four weeks apart, then follow-ups about every three and a half weeks.</summary>
    private static IEnumerable<Visit> CourseVisits(Guid patientId)
    {
        yield return NewVisit(patientId, CourseStart, VisitKind.Baseline, "Consultation; baseline photos.", null);
        for (var session = 1; session <= 3; session++)
        {
            var date = CourseStart.AddDays(14 + (session - 1) * 28);
            yield return NewVisit(patientId, date, VisitKind.Treatment, session == 1 ? "First PLLA session." : null,
                new TreatmentDetails
                {
                    Product = "PLLA", Lot = $"L{date:yyMM}{session}", VolumeMl = session == 3 ? 6.0m : 8.0m,
                    SessionNumber = session, Areas = ["left hip", "right hip"],
                });
        }
        var followUps = VisitCount - 4;
        for (var i = 0; i < followUps; i++)
        {
            var date = CourseStart.AddDays(98 + i * 25);
            yield return NewVisit(patientId, date, VisitKind.FollowUp, i % 6 == 5 ? "Contour stable on both sides." : null,
                null);
        }
    }

    private static Patient NewPatient(string name, string record, DateOnly born) =>
        new() { DisplayName = name, RecordNumber = record, DateOfBirth = born, CreatedAt = Noon(CourseStart) };

    private static Visit NewVisit(Guid patientId, DateOnly date, VisitKind kind, string? notes, TreatmentDetails? treatment) =>
        new() { PatientId = patientId, Date = date, Kind = kind, Notes = notes, Treatment = treatment, CreatedAt = Noon(date) };

    /// <summary>A photo as the pipeline leaves it: Ready with current derivatives, aligned to the first visit's photo.</summary>
    private Photo FinishedPhoto(Visit visit, PhotoView view, bool review)
    {
        var id = Guid.CreateVersion7();
        var uploaded = Noon(visit.Date).AddMinutes((int)view);
        var photo = new Photo
        {
            Id = id, VisitId = visit.Id, PatientId = visit.PatientId, View = view,
            ContentHash = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(id.ToString()))),
            OriginalKey = BlobKeys.Original(visit.PatientId, id, "jpg"), OriginalFormat = "jpg",
            OriginalBytes = 2_900_000 + _random.Next(200_000), OriginalFileName = $"IMG_{_random.Next(1000, 9999)}.JPG",
            UploadedByUserId = clinicianId, UploadedAt = uploaded,
        };
        photo.MarkProcessing(uploaded);
        var version = DerivativeSpec.Version;
        photo.MarkReady(new DerivativeSet(3024, 4032, uploaded.AddMinutes(-2),
            BlobKeys.Derivative(visit.PatientId, id, BlobVariant.Master, version),
            BlobKeys.Derivative(visit.PatientId, id, BlobVariant.Thumb, version),
            BlobKeys.Derivative(visit.PatientId, id, BlobVariant.Display, version), version), uploaded.AddSeconds(1));
        Align(photo, visit, review, uploaded.AddSeconds(2));
        return photo;
    }

    /// <summary>The first photo of a view is its own baseline (identity); later ones get a near-identity similarity.</summary>
    private void Align(Photo photo, Visit visit, bool review, DateTimeOffset now)
    {
        if (!_baselines.TryGetValue((visit.PatientId, photo.View), out var baseline))
        {
            _baselines[(visit.PatientId, photo.View)] = photo.Id;
            photo.Alignment.Record(photo.Id, [1, 0, 0, 0, 1, 0], 1.0, AlignmentMethod.Auto, AlignmentStatus.Aligned, null, now);
            return;
        }
        var angle = (_random.NextDouble() - 0.5) * 0.1;
        var scale = 0.92 + _random.NextDouble() * 0.16;
        double[] matrix =
        [
            Math.Round(scale * Math.Cos(angle), 6), Math.Round(-scale * Math.Sin(angle), 6), Math.Round(_random.Next(-120, 120) + _random.NextDouble(), 3),
            Math.Round(scale * Math.Sin(angle), 6), Math.Round(scale * Math.Cos(angle), 6), Math.Round(_random.Next(-90, 90) + _random.NextDouble(), 3),
        ];
        if (review)
            photo.Alignment.Record(baseline, matrix, Math.Round(0.35 + _random.NextDouble() * 0.1, 3), AlignmentMethod.Auto,
                AlignmentStatus.NeedsReview, "The outline agrees with the baseline on only 87 % outside the hip band; check the framing.", now);
        else
            photo.Alignment.Record(baseline, matrix, Math.Round(0.9 + _random.NextDouble() * 0.09, 3), AlignmentMethod.Auto,
                AlignmentStatus.Aligned, null, now);
    }

    private async Task SaveAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static DateTimeOffset Noon(DateOnly date) => new(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
}
