// Hangfire keeps process-wide state (job storage, activator), so hosts must not run side by side.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
