namespace ProgressTracker.Web.Features.Demo;

/// <summary>Section "Demo". Seeding is on by default only for the embedded default.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
