Console.WriteLine("ProgressTracker benchmarks: none yet.");
