// The imaging library needs no database, blob service or browser: all of it is in the fast tier
// (`bash infra/test.sh --fast`; the trait values are listed in ProgressTracker.Web.Tests/Support/Tiers.cs).
[assembly: AssemblyTrait("Tier", "Fast")]
