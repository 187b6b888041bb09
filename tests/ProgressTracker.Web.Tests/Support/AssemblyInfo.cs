// Collections run side by side (each shared-app collection one test at a time; classes with an app of their own
// are collections of their own). Hosts are started one at a time (TestApp's start gate), because Hangfire
// configures itself through process-wide statics; once started, each host keeps its own job storage and activator.
[assembly: CollectionBehavior(CollectionBehavior.CollectionPerClass, DisableTestParallelization = false)]
