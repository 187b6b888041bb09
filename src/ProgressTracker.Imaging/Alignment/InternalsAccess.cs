using System.Runtime.CompilerServices;

// The benchmark compares the registration's design alternatives (motion model, hip-band weight) on the same pairs.
[assembly: InternalsVisibleTo("ProgressTracker.Benchmarks")]
