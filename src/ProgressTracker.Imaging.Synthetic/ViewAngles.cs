namespace ProgressTracker.Imaging.Synthetic;

/// <summary>
/// Turns a view name into how far the subject is turned, in degrees, from facing the camera. Left views show
/// the patient's left side, so in a left lateral the belly points to the image's left edge.
/// </summary>
internal static class ViewAngles
{
    public static readonly IReadOnlyList<string> Names =
        ["front", "back", "left-lateral", "right-lateral", "left-oblique", "right-oblique"];

    public static double Degrees(string view) => view?.Trim().ToLowerInvariant() switch
    {
        "front" => 0,
        "left-oblique" => 45,
        "left-lateral" => 90,
        "back" => 180,
        "right-lateral" => -90,
        "right-oblique" => -45,
        _ => throw new ArgumentException($"Unknown view '{view}'. Expected one of: {string.Join(", ", Names)}.", nameof(view)),
    };
}
