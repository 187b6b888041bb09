using OpenCvSharp;
using ProgressTracker.Imaging.Alignment;
using ProgressTracker.Imaging.Evaluation;
using ProgressTracker.Imaging.Tests.Support;

namespace ProgressTracker.Imaging.Tests.Alignment;

/// <summary>A real photo of a person with a hand-checked box around the body (torso and legs), in its own pixels.</summary>
public sealed record RealPerson(string File, Rect Body);

public sealed record RealPeopleCase(RealPerson Person, WarpSpec Warp)
{
    public override string ToString() => $"{Person.File} {Warp}";
}

/// <summary>The result and the worst error over the body box's corners, in baseline pixels.</summary>
public sealed record RealPeopleOutcome(RealPeopleCase Case, AlignmentResult Result, double BodyError);

/// <summary>
/// Each real photo (clothed people in a furnished room, CC0) against copies of itself under small known camera
/// changes — turn ±3°, scale 0.95–1.05, shifts of tens of pixels, exposure and noise — aligned once for the tests
/// that read the table. The room is warped with the body here, but the registration must not lean on it: in a real
/// follow-up the patient stands elsewhere in the room.
/// </summary>
public sealed class RealPeoplePairTable
{
    public static readonly IReadOnlyList<RealPerson> People =
    [
        new("test_a.jpg", new Rect(400, 60, 160, 520)),
        new("t5.jpg", new Rect(460, 20, 200, 580)),
        new("y1.jpg", new Rect(500, 100, 140, 490)),
        new("tada1.jpg", new Rect(60, 20, 200, 580)),
        new("tada3.jpg", new Rect(80, 10, 260, 600)),
    ];

    private static readonly WarpSpec[] Warps =
    [
        new(+3, 1.05, +0.03, -0.02, Gain: 1.05, Offset: 5, Noise: 3),
        new(-3, 0.95, -0.04, +0.03, Gain: 0.95, Offset: -5, Noise: 3),
        new(+1.5, 1.00, +0.02, +0.04, Gain: 1.15, Offset: 10, Noise: 4),
    ];

    public static readonly IReadOnlyList<RealPeopleCase> Cases =
        People.SelectMany(p => Warps.Select(w => new RealPeopleCase(p, w))).ToList();

    public RealPeoplePairTable()
    {
        Outcomes = Cases.AsParallel().AsOrdered().WithDegreeOfParallelism(2).Select((c, i) =>
        {
            using var baseline = Cv2.ImRead(SharedFixtures.RealPeople(c.Person.File), ImreadModes.Color);
            var (photo, truth) = KnownWarp.Apply(baseline, c.Warp, 40 + i);
            using (photo)
            {
                var result = PhotoAligner.Align(baseline, photo);
                return new RealPeopleOutcome(c, result, BodyError(result.Matrix, truth, c.Person.Body));
            }
        }).ToList();
    }

    public IReadOnlyList<RealPeopleOutcome> Outcomes { get; }

    /// <summary>
    /// The body box's corners are baseline points; the true matrix's inverse takes them into the photo, and the
    /// found matrix must bring them back to where they were.
    /// </summary>
    private static double BodyError(double[] found, double[] truth, Rect body)
    {
        var toPhoto = Affine.Invert(truth);
        Point2d[] corners = [new(body.Left, body.Top), new(body.Right, body.Top), new(body.Right, body.Bottom), new(body.Left, body.Bottom)];
        return corners.Max(c =>
        {
            var back = found.Apply(toPhoto.Apply(c));
            return Math.Sqrt((back.X - c.X) * (back.X - c.X) + (back.Y - c.Y) * (back.Y - c.Y));
        });
    }
}
