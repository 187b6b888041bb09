namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// The consent form's fields on the portal and staff pages (bound from the posted form) and the request they make.
/// The patient's defaults are the careful ones: identifiable features hidden, each picture reviewed first.
/// </summary>
public sealed class ConsentForm
{
    public List<string> Uses { get; set; } = [];
    public string Coverage { get; set; } = "all";
    public List<string> Views { get; set; } = [];
    public bool Identifiable { get; set; }
    public bool ReviewEachPicture { get; set; } = true;
    public DateOnly? ExpiresAt { get; set; }
    public string? SignedName { get; set; }
    /// <summary>The drawn signature as a PNG data URL (on screen only).</summary>
    public string? Signature { get; set; }
    /// <summary>The version of the text shown with the form: what is signed is what was read.</summary>
    public string? TextVersion { get; set; }

    public CreateConsentRequest ToRequest(ConsentMethod method) => new(Uses,
        new CoverageRequest(Coverage, Coverage == "views" ? Views : null, null), Identifiable, ReviewEachPicture,
        ExpiresAt, TextVersion, EnumNames.ToKebab(method), SignedName,
        method == ConsentMethod.OnScreen ? Signature : null);
}
