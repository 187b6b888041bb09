namespace ProgressTracker.Imaging.Alignment;

/// <summary>
/// Running sums for a 6-parameter weighted least-squares problem (JᵀWJ, JᵀWr, cost), kept in locals-sized fields
/// so the per-pixel loop stays free of array bounds checks; partial sums from parallel row blocks add up.
/// </summary>
internal struct NormalEquations
{
    public double H00, H10, H11, H20, H21, H22, H30, H31, H32, H33, H40, H41, H42, H43, H44, H50, H51, H52, H53, H54, H55;
    public double G0, G1, G2, G3, G4, G5;
    public double Cost, WeightSum;
    public int Pixels;

    public void Add(double w, double r, double j0, double j1, double j2, double j3, double j4)
    {
        // The sixth Jacobian entry (offset) is always 1.
        double w0 = w * j0, w1 = w * j1, w2 = w * j2, w3 = w * j3, w4 = w * j4;
        H00 += w0 * j0; H10 += w1 * j0; H11 += w1 * j1; H20 += w2 * j0; H21 += w2 * j1; H22 += w2 * j2;
        H30 += w3 * j0; H31 += w3 * j1; H32 += w3 * j2; H33 += w3 * j3;
        H40 += w4 * j0; H41 += w4 * j1; H42 += w4 * j2; H43 += w4 * j3; H44 += w4 * j4;
        H50 += w0; H51 += w1; H52 += w2; H53 += w3; H54 += w4; H55 += w;
        G0 += w0 * r; G1 += w1 * r; G2 += w2 * r; G3 += w3 * r; G4 += w4 * r; G5 += w * r;
    }

    public void Merge(in NormalEquations o)
    {
        H00 += o.H00; H10 += o.H10; H11 += o.H11; H20 += o.H20; H21 += o.H21; H22 += o.H22;
        H30 += o.H30; H31 += o.H31; H32 += o.H32; H33 += o.H33;
        H40 += o.H40; H41 += o.H41; H42 += o.H42; H43 += o.H43; H44 += o.H44;
        H50 += o.H50; H51 += o.H51; H52 += o.H52; H53 += o.H53; H54 += o.H54; H55 += o.H55;
        G0 += o.G0; G1 += o.G1; G2 += o.G2; G3 += o.G3; G4 += o.G4; G5 += o.G5;
        Cost += o.Cost; WeightSum += o.WeightSum; Pixels += o.Pixels;
    }

    public readonly double[] Hessian() =>
    [
        H00, H10, H20, H30, H40, H50,
        H10, H11, H21, H31, H41, H51,
        H20, H21, H22, H32, H42, H52,
        H30, H31, H32, H33, H43, H53,
        H40, H41, H42, H43, H44, H54,
        H50, H51, H52, H53, H54, H55,
    ];

    public readonly double[] Gradient() => [G0, G1, G2, G3, G4, G5];
}
