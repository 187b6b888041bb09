namespace ProgressTracker.Web.Features.Marketing;

/// <summary>Settings under <c>Marketing:</c>.</summary>
public sealed class MarketingOptions
{
    public const string Section = "Marketing";

    /// <summary>The clinic's line under every case: results differ between people.</summary>
    public string Disclaimer { get; set; } = "Individual results vary.";

    /// <summary>Drawn small on every case picture unless the case asks for another; empty for none.</summary>
    public string Watermark { get; set; } = "";

    /// <summary>
    /// How often published items are checked against the consents behind them, so an expiry takes a picture down
    /// with no request to trigger it. A withdrawal acts at once; this is the backstop.
    /// </summary>
    public TimeSpan TakedownInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Who may frame a gallery's embed (<c>?embed=1</c>): a CSP frame-ancestors list such as
    /// "https://www.clinic.example". Any site by default: the embed is public and has nothing to click.
    /// </summary>
    public string EmbedAncestors { get; set; } = "*";

    /// <summary>How long browsers and proxies may keep a public page or image: short, so a takedown propagates.</summary>
    public TimeSpan PublicCacheLifetime { get; set; } = TimeSpan.FromSeconds(30);
}
