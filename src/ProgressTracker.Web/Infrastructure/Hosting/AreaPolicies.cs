using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ApplicationModels;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// Each audience's pages live in their own folder with one policy, and the most specific folder wins: staff
/// pages by default, the patient portal for linked patient accounts only, sign-in and invitation pages open.
/// (Razor's AuthorizeFolder conventions add up instead, so "/" for staff would also lock the portal.)
/// </summary>
public static class AreaPolicies
{
    /// <summary>Folder (or page) → policy; null means anonymous (the page checks what it needs itself).</summary>
    private static readonly (string Path, string? Policy)[] Areas =
    [
        ("/", Policies.Staff),
        ("/Index", Policies.SignedIn), // sends each audience to its own start page
        ("/Admin", Policies.Admin),
        ("/Auth", null),
        ("/Invitations", null), // the link's token is the credential
        ("/Portal", Policies.Patient),
        ("/Marketing", Policies.Marketing),
        ("/Public", null), // published galleries: the gallery's token is the address
    ];

    public static void Apply(PageConventionCollection conventions) => conventions.Add(new Convention());

    /// <summary>The policy of the page at <paramref name="viewEnginePath"/> ("/Portal/Compare"); null = anonymous.</summary>
    public static string? PolicyFor(string viewEnginePath) =>
        Areas.Where(a => Covers(a.Path, viewEnginePath)).MaxBy(a => a.Path.Length).Policy;

    private static bool Covers(string area, string path) =>
        area == "/" || path.Equals(area, StringComparison.OrdinalIgnoreCase)
                    || path.StartsWith(area + "/", StringComparison.OrdinalIgnoreCase);

    private sealed class Convention : IPageApplicationModelConvention
    {
        public void Apply(PageApplicationModel model) =>
            model.EndpointMetadata.Add(PolicyFor(model.ViewEnginePath) is { } policy
                ? new AuthorizeAttribute(policy)
                : new AllowAnonymousAttribute());
    }
}
