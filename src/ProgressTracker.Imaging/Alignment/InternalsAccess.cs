using System.Runtime.CompilerServices;

// The benchmark compares the registration's design alternatives (motion model, hip-band weight) on the same pairs.
[assembly: InternalsVisibleTo("ProgressTracker.Benchmarks")]
// The evaluation library (tests and benchmarks only) builds its known warps with the same affine helpers.
[assembly: InternalsVisibleTo("ProgressTracker.Imaging.Evaluation")]
