using System.Globalization;

namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// A consent in plain words, the same on the portal, the staff screen, the PDF and the e-mail, so the patient reads
/// one description of what they agreed to wherever they look.
/// </summary>
public static class ConsentWords
{
    private static readonly CultureInfo En = CultureInfo.InvariantCulture;

    /// <summary>The uses a patient can sign for in the portal (marketing uses and education), in form order.</summary>
    public static readonly IReadOnlyList<ConsentUse> PortalUses =
        [ConsentUse.Website, ConsentUse.SocialMedia, ConsentUse.Publication, ConsentUse.Education];

    /// <summary>The views offered for "chosen views" coverage.</summary>
    public static readonly IReadOnlyList<PhotoView> Views = Enum.GetValues<PhotoView>();

    public static string Use(ConsentUse use) => use switch
    {
        ConsentUse.Website => "The clinic's website",
        ConsentUse.SocialMedia => "The clinic's social media",
        ConsentUse.Publication => "Printed or online publications",
        ConsentUse.Education => "Teaching health professionals",
        ConsentUse.Portal => "The patient portal",
        _ => "Clinical care",
    };

    /// <summary>"The clinic's website, the clinic's social media and teaching health professionals".</summary>
    public static string Uses(IEnumerable<ConsentUse> uses) =>
        Capitalised(JoinAnd(uses.Select(u => Use(u) is var w ? char.ToLowerInvariant(w[0]) + w[1..] : "")));

    /// <summary>A consent's headline: "Website, social media and teaching".</summary>
    public static string Headline(IEnumerable<ConsentUse> uses) => Capitalised(JoinAnd(uses.Select(u => u switch
    {
        ConsentUse.Website => "website",
        ConsentUse.SocialMedia => "social media",
        ConsentUse.Publication => "publications",
        ConsentUse.Education => "teaching",
        ConsentUse.Portal => "patient portal",
        _ => "clinical care",
    })));

    /// <summary>A view as a form label: "Left side".</summary>
    public static string ViewLabel(PhotoView view) => Capitalised(View(view));

    public static string View(PhotoView view) => view switch
    {
        PhotoView.LeftLateral => "left side",
        PhotoView.RightLateral => "right side",
        PhotoView.LeftOblique => "left oblique",
        PhotoView.RightOblique => "right oblique",
        _ => EnumNames.ToKebab(view),
    };

    public static string Coverage(Consent c) => c.CoverageKind switch
    {
        ConsentCoverageKind.All => "All photos",
        ConsentCoverageKind.Views => Capitalised(JoinAnd(c.Views.Select(View))) + " photos",
        _ => c.PhotoIds.Count == 1 ? "1 chosen photo" : $"{c.PhotoIds.Count} chosen photos",
    };

    public static string Identifiable(bool shown) =>
        shown ? "May be shown (face, tattoos, birthmarks)" : "Hidden (cropped out or blurred)";

    public static string Review(bool review) =>
        review ? "Yes: each picture is approved by the patient before it is published" : "No";

    public static string Method(ConsentMethod method) =>
        method == ConsentMethod.OnScreen ? "Signed on screen in the patient portal" : "Signed on paper at the clinic";

    public static string Status(ConsentStatus status) => status switch
    {
        ConsentStatus.Active => "Active",
        ConsentStatus.Pending => "Waiting for the signed form",
        ConsentStatus.Expired => "Expired",
        _ => "Withdrawn",
    };

    public static string Day(DateOnly day) => day.ToString("d MMMM yyyy", En);

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy", En);

    public static string Moment(DateTimeOffset at) => at.UtcDateTime.ToString("d MMMM yyyy, HH:mm 'UTC'", En);

    public static string Expiry(DateOnly? day) => day is { } d ? Day(d) : "No expiry date";

    private static string JoinAnd(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : string.Join(", ", list[..^1]) + " and " + list[^1];
    }

    private static string Capitalised(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
