using OpenCvSharp;

namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// One master reduced for registration: grey fine and coarse levels for intensity, the body silhouette at the
/// coarse level, and exact pixel maps from the master to each level (so results go back to master pixels).
/// </summary>
internal sealed class WorkingImage : IDisposable
{
    public const int FineEdge = 640;
    public const int CoarseEdge = 320;

    private WorkingImage(Size master, GreyLevel fine, GreyLevel coarse, Mat mask, bool byPerson) =>
        (MasterSize, Fine, Coarse, Mask, ByPerson) = (master, fine, coarse, mask, byPerson);

    public Size MasterSize { get; }
    public GreyLevel Fine { get; }
    public GreyLevel Coarse { get; }
    /// <summary>Body silhouette at the coarse level, 0/255.</summary>
    public Mat Mask { get; }
    /// <summary>The person model drew the silhouette (the backdrop model could not).</summary>
    public bool ByPerson { get; }

    /// <param name="method">See <see cref="SilhouetteMethod"/>.</param>
    public static WorkingImage Create(Mat master, SilhouetteMethod method = SilhouetteMethod.Auto)
    {
        using var fine = Reduce(master, FineEdge);
        using var coarse = Reduce(fine, CoarseEdge);
        var toFine = Affine.ResizeMap(master.Size(), fine.Size());
        var toCoarse = toFine.Then(Affine.ResizeMap(fine.Size(), coarse.Size()));
        var silhouette = SilhouetteSegmenter.Segment(coarse, fine, method);
        return new WorkingImage(master.Size(), new GreyLevel(fine, toFine, silhouette), new GreyLevel(coarse, toCoarse, silhouette),
            silhouette.Mask, silhouette.Person is not null);
    }

    /// <summary>Area averaging: no aliasing of skin texture or sensor noise into false detail.</summary>
    private static Mat Reduce(Mat image, int longEdge)
    {
        var factor = Math.Min(1.0, (double)longEdge / Math.Max(image.Width, image.Height));
        var size = new Size(Math.Max(1, (int)Math.Round(image.Width * factor)), Math.Max(1, (int)Math.Round(image.Height * factor)));
        var result = new Mat();
        if (size == image.Size()) image.CopyTo(result);
        else Cv2.Resize(image, result, size, 0, 0, InterpolationFlags.Area);
        return result;
    }

    public void Dispose()
    {
        Fine.Dispose();
        Coarse.Dispose();
        Mask.Dispose();
    }
}
