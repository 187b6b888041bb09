namespace ProgressTracker.Web.Features.Demo;

/// <summary>Notes: the clinic's; PatientNote: written for the patient (shown in the portal).</summary>
public sealed record DemoVisit(DateOnly Date, VisitKind Kind, string? Notes, TreatmentDetails? Treatment,
    double HipDipDepth, string? PatientNote = null);

public sealed record DemoPatient(string DisplayName, string RecordNumber, DateOnly DateOfBirth, int Seed,
    bool LinkToPatientAccount, IReadOnlyList<PhotoView> Views, IReadOnlyList<DemoVisit> Visits);

/// <summary>The demo clinic's patients: dates are relative to today so "weeks since first session" look current.</summary>
public static class DemoClinic
{
    private static readonly PhotoView[] StandardViews =
        [PhotoView.Front, PhotoView.Back, PhotoView.LeftLateral, PhotoView.RightLateral];

    public static IReadOnlyList<DemoPatient> Patients(DateOnly today)
    {
        var start = today.AddDays(-26 * 7);
        return
        [
            new("Jane D.", "A-1042", new DateOnly(1990, 5, 1), 1, true, StandardViews,
            [
                new(start, VisitKind.Treatment, "Baseline photos before the first session.", Plla(1, start), 0.85,
                    "Massage both hips for 5 minutes, 5 times a day, for 5 days. Mild swelling is normal for a few days."),
                new(start.AddDays(28), VisitKind.Treatment, null, Plla(2, start), 0.8),
                new(start.AddDays(56), VisitKind.Treatment, null, Plla(3, start), 0.65),
                new(start.AddDays(98), VisitKind.FollowUp, "Contour improving on both sides.", null, 0.5,
                    "Your result keeps building for months after the last session. See you at six months."),
                new(start.AddDays(182), VisitKind.FollowUp, "Six-month review.", null, 0.35),
            ]),
            new("Maria K.", "B-2201", new DateOnly(1986, 11, 23), 2, false, [PhotoView.Front, PhotoView.LeftLateral],
            [
                new(today.AddDays(-84), VisitKind.Baseline, "Exercise and diet programme starts.", null, 0.7),
                new(today.AddDays(-42), VisitKind.FollowUp, null, null, 0.6),
                new(today.AddDays(-7), VisitKind.FollowUp, null, null, 0.5),
            ]),
            new("Amara O.", "C-0314", new DateOnly(1995, 2, 14), 3, false, StandardViews,
            [
                new(today.AddDays(-3), VisitKind.Baseline, "Consultation; treatment plan discussed.", null, 0.75),
            ]),
        ];
    }

    private static TreatmentDetails Plla(int session, DateOnly start) => new()
    {
        Product = "PLLA", Lot = $"L{start:yyMM}{session}", VolumeMl = 8.0m, SessionNumber = session,
        Areas = ["left hip", "right hip"],
    };
}
