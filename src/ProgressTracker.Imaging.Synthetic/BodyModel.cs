namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// One body part as a stack of horizontal cross-sections. Each section is an "egg": an ellipse whose
/// half-width is <see cref="HalfWidth"/> and whose depth differs in front (belly) and behind (buttock).
/// Units are fractions of the frame height; y runs from the lower ribs (0) to just above the knees (1).
/// </summary>
internal sealed record BodyPart(
    double Top,
    double Bottom,
    Func<double, double> CenterX,
    Func<double, double> HalfWidth,
    Func<double, double> FrontDepth,
    Func<double, double> BackDepth);

/// <summary>Torso and two thighs, proportioned from adult female anthropometry, varied slightly per seed.</summary>
internal static class BodyModel
{
    public const double SplitY = 0.44;
    public const double CrotchY = 0.56;
    public const double HipDipY = 0.40;
    public const double WaistbandY = 0.335;

    /// <param name="shapeVariation">0 for the standard outline; up to 1 varies the waist, the hips and the dip's
    /// height and width per seed (drawn from its own generator, so the rest of the body stays as it was).</param>
    public static IReadOnlyList<BodyPart> Build(double hipDipDepth, Random random, double shapeVariation = 0, int seed = 0)
    {
        double Vary(double spread) => 1 + (random.NextDouble() * 2 - 1) * spread;
        double width = Vary(0.04), belly = Vary(0.08), seat = Vary(0.08), thigh = Vary(0.05);
        var dip = Math.Clamp(hipDipDepth, 0, 3);

        var shape = new Random(seed * 7919 + 17);
        double Shape(double spread) => 1 + (shape.NextDouble() * 2 - 1) * spread * Math.Clamp(shapeVariation, 0, 1);
        double waistScale = Shape(0.05) - 0.05 * Math.Clamp(shapeVariation, 0, 1), hipScale = Shape(0.04), dipY = HipDipY + 0.012 * (Shape(1) - 1), dipWidth = 0.055 * Shape(0.2);
        var waistToHip = new Curve((-0.1, 0.150), (0.08, 0.138 * (1 + (waistScale - 1) / 2)), (0.16, 0.132 * waistScale),
            (0.24, 0.148 * (1 + (waistScale - 1) / 2)), (0.30, 0.168), (0.40, 0.190 * (1 + (hipScale - 1) / 2)), (0.48, 0.201 * hipScale),
            (CrotchY, 0.199 * hipScale));
        var bellyDepth = new Curve((-0.1, 0.112), (0.0, 0.110), (0.08, 0.096), (0.16, 0.100), (0.24, 0.108),
            (0.32, 0.104), (0.40, 0.094), (0.48, 0.084), (CrotchY, 0.081));
        var seatDepth = new Curve((-0.1, 0.098), (0.10, 0.084), (0.18, 0.078), (0.28, 0.100), (0.38, 0.134),
            (0.46, 0.150), (0.53, 0.140), (CrotchY, 0.128));

        // The hip dip: an inward curve of the lateral outline between the iliac crest and the greater trochanter.
        double HipDip(double y) => dip * 0.022 * Math.Exp(-Math.Pow((y - dipY) / dipWidth, 2));
        double TorsoHalfWidth(double y) => (waistToHip[y] - HipDip(y)) * width;
        double TorsoFront(double y) => bellyDepth[y] * belly;
        double TorsoBack(double y) => seatDepth[y] * seat;
        // It overlaps the thighs a little so the two anti-aliased edges leave no hairline between them.
        var torso = new BodyPart(-0.1, SplitY + 0.01, _ => 0, TorsoHalfWidth, TorsoFront, TorsoBack);

        // The pelvis is the two thighs merging: at SplitY both coincide with the torso section (no seam),
        // then they move apart until they only touch at the crotch.
        var offset = new Curve((0.40, 0.0), (SplitY, 0.0), (0.48, 0.035), (0.52, 0.075), (CrotchY, 0.099),
            (0.65, 0.100), (0.75, 0.098), (0.85, 0.095), (1.1, 0.092));
        double Offset(double y) => offset[y] * width;
        var thighWidth = new Curve((0.53, 0.118), (CrotchY, 0.100), (0.60, 0.097), (0.65, 0.093), (0.75, 0.083), (0.85, 0.071), (0.95, 0.061), (1.1, 0.058));
        var thighFront = new Curve((0.50, 0.082), (CrotchY, 0.082), (0.64, 0.089), (0.72, 0.088), (0.85, 0.079), (1.1, 0.068));
        // Just below the crotch the back of the thigh still carries the lower buttock, down to the gluteal fold.
        var thighBack = new Curve((0.50, 0.142), (CrotchY, 0.126), (0.60, 0.112), (0.645, 0.094), (0.72, 0.088), (0.85, 0.075), (1.1, 0.064));

        var legHalfWidth = Blend(y => TorsoHalfWidth(y) - Offset(y), y => thighWidth[y] * width);
        var legFront = Blend(TorsoFront, y => thighFront[y] * thigh);
        var legBack = Blend(TorsoBack, y => thighBack[y] * SeatBlend(y, seat, thigh));

        BodyPart Leg(double side) => new(SplitY, 1.1, y => side * Offset(y), legHalfWidth, legFront, legBack);

        // Above the gluteal fold the thigh's back is buttock (scaled like the seat); below it, thigh.
        static double SeatBlend(double y, double seat, double thigh) => seat + (thigh - seat) * SmoothStep(0.60, 0.70, y);

        // +x is the patient's left (image right when facing the camera).
        return [torso, Leg(+1), Leg(-1)];
    }

    /// <summary>Hands over smoothly from the pelvis shape to the thigh shape around the crotch.</summary>
    private static Func<double, double> Blend(Func<double, double> pelvis, Func<double, double> thigh) =>
        y =>
        {
            var t = SmoothStep(CrotchY - 0.025, CrotchY + 0.02, y);
            return t <= 0 ? pelvis(y) : t >= 1 ? thigh(y) : pelvis(y) + (thigh(y) - pelvis(y)) * t;
        };

    private static double SmoothStep(double from, double to, double x)
    {
        var t = Math.Clamp((x - from) / (to - from), 0, 1);
        return t * t * (3 - 2 * t);
    }
}
