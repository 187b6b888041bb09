namespace ProgressTracker.Web.Features.Demo;

/// <summary>Section "Demo". Seeding is off unless asked for, and only ever on the embedded SQLite default.</summary>
public sealed class DemoOptions
{
    public const string Section = "Demo";

    public bool Seed { get; set; }
}
