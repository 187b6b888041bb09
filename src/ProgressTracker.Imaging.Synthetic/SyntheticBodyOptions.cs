namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Parameters of a synthetic hip-profile photo. <see cref="View"/> is one of front, back, left-lateral,
/// right-lateral, left-oblique, right-oblique; <see cref="HipDipDepth"/> runs from 0 (none) to 1 (pronounced), and
/// up to 3 for exaggerated dips in measurement tests; <see cref="TurnDegrees"/> turns the body further than its view;
/// <see cref="ShapeVariation"/> (0–1) varies the waist, the hips and the dip's height and width per seed;
/// <see cref="Caption"/> is drawn small in a corner so demo photos are distinguishable.
/// <see cref="Seed"/> fixes the body's proportions, skin tone and skin texture: keep one seed per patient so
/// that a patient's visits differ only in <see cref="HipDipDepth"/>.
/// </summary>
public sealed record SyntheticBodyOptions(
    int Width = 1200,
    int Height = 1600,
    string View = "front",
    double HipDipDepth = 0.5,
    int Seed = 1,
    string? Caption = null,
    double TurnDegrees = 0,
    double ShapeVariation = 0);
