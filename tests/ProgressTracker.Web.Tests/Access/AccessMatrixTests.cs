using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Access;

/// <summary>What a caller got, in the terms the rules speak.</summary>
public enum Outcome
{
    /// <summary>Past every check: 2xx, or a 400/409 about the request itself.</summary>
    Allowed,
    /// <summary>401, or a page's redirect to the sign-in page.</summary>
    SignIn,
    /// <summary>403: the caller may know the record but not do this.</summary>
    Forbidden,
    /// <summary>404: the record's existence stays secret.</summary>
    NotFound,
    /// <summary>A page's redirect to "access denied": the role may not use this page at all.</summary>
    DeniedPage,
}

/// <summary>
/// The role × endpoint matrix. The rows come from the app's own endpoint list (<see cref="EndpointDataSource"/>,
/// API routes and Razor Pages alike): an endpoint without a row fails the suite, so nothing new ships without a
/// rule, and a row without an endpoint fails too, so the table never drifts. Each row is requested as every caller
/// with patient A's ids; existence stays secret (404) where the caller may not know the record.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class AccessMatrixTests(AccessWorld world) : IClassFixture<AccessWorld>
{
    private static readonly Who[] Everyone = Enum.GetValues<Who>();

    [Fact]
    public void Every_endpoint_has_a_rule_and_every_rule_an_endpoint()
    {
        var endpoints = AppEndpoints(world.App).ToHashSet();
        var rules = Rules(world).Select(r => r.Key).ToHashSet();
        var missing = endpoints.Except(rules).Order().ToList();
        var stale = rules.Except(endpoints).Order().ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints without an access rule: [{string.Join(", ", missing)}]; rules without an endpoint: [{string.Join(", ", stale)}]");
    }

    [Fact]
    public async Task Every_caller_gets_exactly_what_the_rules_say()
    {
        var failures = new StringBuilder();
        foreach (var rule in Rules(world))
        {
            foreach (var who in Everyone)
            {
                var expected = rule.Expect(who);
                var client = rule.Cookie ? world.Pages(who) : world.Api(who);
                using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Url);
                request.Content = rule.Body?.Invoke();
                using var response = await client.SendAsync(request);
                var actual = Classify(response);
                if (actual != expected)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    failures.AppendLine($"{rule.Method} {rule.Url} as {who}: expected {expected}, got {actual} " +
                                        $"({(int)response.StatusCode} {response.Headers.Location} {body[..Math.Min(body.Length, 200)]})");
                }
            }
        }
        Assert.True(failures.Length == 0, "\n" + failures);
    }

    private static Outcome Classify(HttpResponseMessage response)
    {
        var location = response.Headers.Location?.OriginalString ?? "";
        return (int)response.StatusCode switch
        {
            401 => Outcome.SignIn,
            403 => Outcome.Forbidden,
            404 => Outcome.NotFound,
            >= 300 and < 400 when location.Contains("/login", StringComparison.OrdinalIgnoreCase) => Outcome.SignIn,
            >= 300 and < 400 when location.Contains("/access-denied", StringComparison.OrdinalIgnoreCase) => Outcome.DeniedPage,
            _ => Outcome.Allowed,
        };
    }

    /// <summary>"GET /api/v1/photos/{id}" for API routes, "PAGE /photos/{id:guid}" for Razor Pages (all methods).</summary>
    private static IEnumerable<string> AppEndpoints(TestApp app)
    {
        var sources = app.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.Any(m => m.GetType().Name.Contains("StaticAsset", StringComparison.Ordinal))) continue;
            var pattern = "/" + endpoint.RoutePattern.RawText!.Trim('/');
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            {
                yield return $"PAGE {pattern}";
                continue;
            }
            var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["ANY"];
            foreach (var method in methods) yield return $"{method} {pattern}";
        }
    }

    // ---- the rules -------------------------------------------------------------------------------------------

    /// <summary>POST and PUT carry an empty JSON object (or <see cref="Body"/>): callers who pass the checks get a
    /// 400 about the body, which proves they passed; nothing is created.</summary>
    private sealed record Rule(string Key, string Method, string Url, Func<Who, Outcome> Expect)
    {
        /// <summary>Sent with the caller's sign-in cookie rather than a bearer token (every Razor page is).</summary>
        public bool Cookie { get; init; } = Key.StartsWith("PAGE ", StringComparison.Ordinal);

        public Func<HttpContent>? Body { get; init; } =
            Method is "POST" or "PUT" ? () => new StringContent("{}", Encoding.UTF8, "application/json") : null;

    }

    private static Rule Api(string method, string pattern, string url, Func<Who, Outcome> expect) =>
        new($"{method} {pattern}", method, url, expect);

    private static Rule Page(string pattern, string url, Func<Who, Outcome> expect) =>
        new($"PAGE {pattern}", "GET", url, expect);

    /// <summary>Anyone, signed in or not (a deactivated account is just anonymous here).</summary>
    private static Outcome Public(Who who) => Outcome.Allowed;

    /// <summary>Any active account; what it then sees is filtered per record.</summary>
    private static Outcome SignedIn(Who who) => who is Who.Anonymous or Who.Deactivated ? Outcome.SignIn : Outcome.Allowed;

    /// <summary>Patient A's records: staff and patient A; everyone else must not learn they exist.</summary>
    private static Outcome OwnRecord(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician or Who.Admin or Who.PatientA => Outcome.Allowed,
        _ => Outcome.NotFound,
    };

    /// <summary>
    /// Measurements of a patient's record: staff; the patient too once the clinic shows them in the portal (off by
    /// default, and then the patient's own record answers as if there were none).
    /// </summary>
    private static Outcome MeasurementsApi(Who who) => OwnRecord(who) == Outcome.Allowed && who == Who.PatientA ? Outcome.NotFound : OwnRecord(who);

    /// <summary>Staff-only API (the role alone decides, so a 403 reveals nothing about the record).</summary>
    private static Outcome StaffApi(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician or Who.Admin => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    /// <summary>Admins only, whatever the record.</summary>
    private static Outcome AdminApi(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Admin => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    /// <summary>Admin pages.</summary>
    private static Outcome AdminPage(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Admin => Outcome.Allowed,
        _ => Outcome.DeniedPage,
    };

    /// <summary>Staff pages: patients and marketing have their own areas, not these.</summary>
    private static Outcome StaffPage(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician or Who.Admin => Outcome.Allowed,
        _ => Outcome.DeniedPage,
    };

    /// <summary>The patient portal's pages: patient accounts, each on their own record (the URL names none).</summary>
    private static Outcome PortalPage(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.PatientA or Who.PatientB => Outcome.Allowed,
        _ => Outcome.DeniedPage,
    };

    /// <summary>The patient's own API (/api/v1/me/...): anyone else has no such record.</summary>
    private static Outcome PortalApi(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.PatientA or Who.PatientB => Outcome.Allowed,
        _ => Outcome.NotFound,
    };

    /// <summary>"/" sends staff to the patient list, patients to their portal and marketing to its workspace.</summary>
    private static Outcome StartPage(Who who) => SignedIn(who);

    /// <summary>The marketing workspace's API: marketing and the staff who approve; patients are refused by role.</summary>
    private static Outcome MarketingApi(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Marketing or Who.Clinician or Who.Admin => Outcome.Allowed,
        _ => Outcome.Forbidden,
    };

    /// <summary>A marketing record that does not exist (a forged photo reference): those who may ask learn only that.</summary>
    private static Outcome MarketingApiUnknown(Who who) => MarketingApi(who) == Outcome.Allowed ? Outcome.NotFound : MarketingApi(who);

    /// <summary>Publishing: staff only (the second person); marketing may see the gallery, so it is told why not.</summary>
    private static Outcome GalleryApproval(Who who) => who == Who.Marketing ? Outcome.Forbidden : MarketingApi(who);

    private static Outcome MarketingPage(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Marketing or Who.Clinician or Who.Admin => Outcome.Allowed,
        _ => Outcome.DeniedPage,
    };

    /// <summary>The consent text: those who sign or record consents (patients and clinical staff), not marketing.</summary>
    private static Outcome ConsentText(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Marketing => Outcome.Forbidden,
        _ => Outcome.Allowed,
    };

    /// <summary>Attaching a paper form to a consent signed on screen: nobody may; those who may see it are told so.</summary>
    private static Outcome OnScreenConsentForm(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician or Who.Admin or Who.PatientA => Outcome.Forbidden,
        _ => Outcome.NotFound,
    };

    /// <summary>The scan of a paper consent form: staff; the patient (who has the signed PDF) is told why not.</summary>
    private static Outcome PaperScan(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician or Who.Admin => Outcome.Allowed,
        Who.PatientA => Outcome.Forbidden,
        _ => Outcome.NotFound,
    };

    /// <summary>An untouched original (may carry GPS): clinicians; those who may see the photo are told why not.</summary>
    private static Outcome Original(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.Clinician => Outcome.Allowed,
        Who.Admin or Who.PatientA => Outcome.Forbidden,
        _ => Outcome.NotFound,
    };

    /// <summary>One of patient A's own /me records: patient A only; patient B and everyone else get 404.</summary>
    private static Outcome MineA(Who who) => who switch
    {
        Who.Anonymous or Who.Deactivated => Outcome.SignIn,
        Who.PatientA => Outcome.Allowed,
        _ => Outcome.NotFound,
    };

    private static IEnumerable<Rule> Rules(AccessWorld w) =>
    [
        new Rule("ANY /health", "GET", "/health", Public),
        new Rule("ANY /health/live", "GET", "/health/live", Public),
        new Rule("ANY /health/details", "GET", "/health/details", AdminApi),
        Api("GET", "/openapi/{documentName}.json", "/openapi/v1.json", Public),
        Api("POST", "/api/v1/auth/login", "/api/v1/auth/login", Public),
        Api("POST", "/api/v1/auth/refresh", "/api/v1/auth/refresh", Public),

        Api("GET", "/api/v1/me", "/api/v1/me", SignedIn),
        Api("GET", "/api/v1/patients", "/api/v1/patients", SignedIn),
        Api("POST", "/api/v1/patients", "/api/v1/patients", StaffApi),
        Api("GET", "/api/v1/patients/{id}", $"/api/v1/patients/{w.PatientA}", OwnRecord),
        Api("GET", "/api/v1/patients/{id}/visits", $"/api/v1/patients/{w.PatientA}/visits", OwnRecord),
        Api("POST", "/api/v1/patients/{id}/visits", $"/api/v1/patients/{w.PatientA}/visits", StaffApi),
        Api("GET", "/api/v1/patients/{id}/timeline", $"/api/v1/patients/{w.PatientA}/timeline", OwnRecord),
        Api("POST", "/api/v1/visits/{id}/photos", $"/api/v1/visits/{w.VisitA}/photos", StaffApi) with
        {
            Body = () => new MultipartFormDataContent { { new StringContent("front"), "view" } },
        },
        Api("GET", "/api/v1/photos/{id}", $"/api/v1/photos/{w.PhotoA}", OwnRecord),
        Api("GET", "/api/v1/photos/{id}/measurements/overlay", $"/api/v1/photos/{w.PhotoA}/measurements/overlay", MeasurementsApi),
        Api("GET", "/api/v1/patients/{id}/measurements", $"/api/v1/patients/{w.PatientA}/measurements?view=front", MeasurementsApi),
        Api("GET", "/api/v1/photos/{id}/media/{variant}", $"/api/v1/photos/{w.PhotoA}/media/thumb", OwnRecord),
        Api("GET", "/api/v1/photos/{id}/media/{variant}", $"/api/v1/photos/{w.PhotoA}/media/display", OwnRecord),
        Api("GET", "/api/v1/photos/{id}/media/{variant}", $"/api/v1/photos/{w.PhotoA}/media/original", Original),
        Api("PUT", "/api/v1/photos/{id}/alignment/manual", $"/api/v1/photos/{w.PhotoA2}/alignment/manual", StaffApi),
        Api("DELETE", "/api/v1/photos/{id}/alignment/manual", $"/api/v1/photos/{w.PhotoA2}/alignment/manual", StaffApi),
        Api("PUT", "/api/v1/photos/{id}/baseline", $"/api/v1/photos/{w.PhotoA}/baseline", StaffApi),
        Api("POST", "/api/v1/patients/{id}/exports", $"/api/v1/patients/{w.PatientA}/exports", StaffApi),
        Api("GET", "/api/v1/patients/{id}/exports", $"/api/v1/patients/{w.PatientA}/exports", StaffApi),
        Api("GET", "/api/v1/exports/{id}", $"/api/v1/exports/{w.ExportA}", StaffApi),
        Api("GET", "/api/v1/exports/{id}/file", $"/api/v1/exports/{w.ExportA}/file", StaffApi),
        // Staff that pass get 400 (no e-mail; a malformed invitation id): past every check, nothing changed.
        Api("POST", "/api/v1/patients/{id}/invitations", $"/api/v1/patients/{w.PatientA}/invitations", StaffApi),
        Api("DELETE", "/api/v1/patients/{id}/invitations/{invitationId}",
            $"/api/v1/patients/{w.PatientA}/invitations/not-an-id", StaffApi),

        Api("POST", "/api/v1/me/archive", "/api/v1/me/archive", PortalApi),
        Api("GET", "/api/v1/me/archive/{id}", $"/api/v1/me/archive/{w.ArchiveA}", MineA),
        Api("GET", "/api/v1/me/archive/{id}/file", $"/api/v1/me/archive/{w.ArchiveA}/file", MineA),

        Api("GET", "/api/v1/admin/audit", "/api/v1/admin/audit", AdminApi),
        Api("GET", "/api/v1/admin/users", "/api/v1/admin/users", AdminApi),
        Api("GET", "/api/v1/admin/invitations", "/api/v1/admin/invitations", AdminApi),
        Api("POST", "/api/v1/admin/invitations", "/api/v1/admin/invitations", AdminApi),
        Api("DELETE", "/api/v1/admin/invitations/{id}", $"/api/v1/admin/invitations/{w.InvitationId}", AdminApi),
        Api("PUT", "/api/v1/admin/users/{id}/roles", $"/api/v1/admin/users/{w.SpareUser}/roles", AdminApi),
        Api("POST", "/api/v1/admin/users/{id}/second-factor/reset", $"/api/v1/admin/users/{w.SpareUser}/second-factor/reset", AdminApi),
        Api("POST", "/api/v1/admin/users/{id}/deactivate", $"/api/v1/admin/users/{w.SpareUser}/deactivate", AdminApi),
        Api("POST", "/api/v1/admin/users/{id}/reactivate", $"/api/v1/admin/users/{w.SpareUser}/reactivate", AdminApi),
        Api("POST", "/api/v1/invitations/accept", "/api/v1/invitations/accept", Public),
        Api("GET", "/api/v1/admin/audit/verify", "/api/v1/admin/audit/verify", AdminApi),
        Api("GET", "/api/v1/admin/integrity", "/api/v1/admin/integrity?sample=0", AdminApi),

        Page("/login", "/login", Public),
        Page("/logout", "/logout", _ => Outcome.SignIn), // GET only leads to the sign-in page; signing out is a POST
        Page("/access-denied", "/access-denied", Public),
        Page("/error", "/error", Public),
        Page("/", "/", StartPage),
        Page("/patients", "/patients", StaffPage),
        Page("/patients/{id:guid}", $"/patients/{w.PatientA}", StaffPage),
        Page("/patients/{id:guid}/compare", $"/patients/{w.PatientA}/compare", StaffPage),
        Page("/patients/{id:guid}/progression", $"/patients/{w.PatientA}/progression", StaffPage),
        Page("/patients/{id:guid}/exports", $"/patients/{w.PatientA}/exports", StaffPage),
        Page("/patients/{id:guid}/portal", $"/patients/{w.PatientA}/portal", StaffPage),
        Page("/photos/{id:guid}", $"/photos/{w.PhotoA}", StaffPage),
        Page("/photos/{id:guid}/align", $"/photos/{w.PhotoA2}/align", StaffPage),
        Page("/visits/{visitId:guid}/upload", $"/visits/{w.VisitA}/upload", StaffPage),
        Page("/me", "/me", PortalPage),
        Page("/me/compare", "/me/compare", PortalPage),
        Page("/me/progression", "/me/progression", PortalPage),
        Page("/me/photos", "/me/photos", PortalPage),
        Page("/me/access-log", "/me/access-log", PortalPage),
        Api("GET", "/api/v1/me/access-log", "/api/v1/me/access-log", PortalApi),
        Api("GET", "/api/v1/consent-texts", "/api/v1/consent-texts", ConsentText),
        Api("GET", "/api/v1/patients/{id}/consents", $"/api/v1/patients/{w.PatientA}/consents", OwnRecord),
        Api("POST", "/api/v1/patients/{id}/consents", $"/api/v1/patients/{w.PatientA}/consents", OwnRecord),
        Api("GET", "/api/v1/consents/{id}", $"/api/v1/consents/{w.ConsentA}", OwnRecord),
        Api("GET", "/api/v1/consents/{id}/fhir", $"/api/v1/consents/{w.ConsentA}/fhir", OwnRecord),
        Api("GET", "/api/v1/consents/{id}/document", $"/api/v1/consents/{w.ConsentA}/document", OwnRecord),
        Api("GET", "/api/v1/consents/{id}/form", $"/api/v1/consents/{w.PaperConsentA}/form", PaperScan),
        Page("/me/consents", "/me/consents", PortalPage),
        Page("/patients/{id:guid}/consents", $"/patients/{w.PatientA}/consents", StaffPage),
        // Patient A's consent was signed on screen: no form to attach, for anyone (staff may know it: 403).
        Api("PUT", "/api/v1/consents/{id}/form", $"/api/v1/consents/{w.ConsentA}/form", OnScreenConsentForm) with
        {
            Body = () => new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.7"u8.ToArray()), "file", "f.pdf" } },
        },
        Api("POST", "/api/v1/consents/{id}/revoke", $"/api/v1/consents/{w.ConsentA}/revoke", OwnRecord),
        Api("GET", "/api/v1/marketing/photos", "/api/v1/marketing/photos", MarketingApi),
        Api("GET", "/api/v1/marketing/photos/{reference}/display", "/api/v1/marketing/photos/forged-reference/display", MarketingApiUnknown),
        Api("GET", "/api/v1/marketing/cases", "/api/v1/marketing/cases", MarketingApi),
        Api("POST", "/api/v1/marketing/cases", "/api/v1/marketing/cases", MarketingApi),
        Api("GET", "/api/v1/marketing/cases/{id}", $"/api/v1/marketing/cases/{w.CaseA}", MarketingApi),
        Api("PUT", "/api/v1/marketing/cases/{id}", $"/api/v1/marketing/cases/{w.CaseA}", MarketingApi),
        Api("GET", "/api/v1/marketing/cases/{id}/image", $"/api/v1/marketing/cases/{w.CaseA}/image", MarketingApi),
        Api("GET", "/api/v1/galleries", "/api/v1/galleries", MarketingApi),
        Api("POST", "/api/v1/galleries", "/api/v1/galleries", MarketingApi),
        Api("GET", "/api/v1/galleries/{id}", $"/api/v1/galleries/{w.GalleryA}", MarketingApi),
        Api("POST", "/api/v1/galleries/{id}/items", $"/api/v1/galleries/{w.GalleryA}/items", MarketingApi),
        Api("POST", "/api/v1/galleries/{id}/submit", $"/api/v1/galleries/{w.GalleryA}/submit", MarketingApi),
        // The empty gallery was never submitted: staff get past every check (409, nothing to approve).
        Api("POST", "/api/v1/galleries/{id}/approve", $"/api/v1/galleries/{w.GalleryB}/approve", GalleryApproval),
        Api("DELETE", "/api/v1/galleries/{id}/items/{itemId}", $"/api/v1/galleries/{w.GalleryA}/items/{w.GalleryItemA}", MarketingApi),
        Api("GET", "/api/v1/takedowns", "/api/v1/takedowns", MarketingApi),
        Api("POST", "/api/v1/takedowns/{id}/done", $"/api/v1/takedowns/{w.TakedownA}/done", MarketingApi),
        Api("GET", "/api/v1/me/cases", "/api/v1/me/cases", PortalApi),
        Api("GET", "/api/v1/me/cases/{id}/image", $"/api/v1/me/cases/{w.CaseA}/image", MineA),
        Api("POST", "/api/v1/me/cases/{id}/approve", $"/api/v1/me/cases/{w.CaseA}/approve", MineA),
        Api("POST", "/api/v1/me/cases/{id}/decline", $"/api/v1/me/cases/{w.CaseA}/decline", MineA),
        // Public: an unpublished or unknown token is simply not there, for everyone.
        Api("GET", "/g/i/{token}", "/g/i/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", _ => Outcome.NotFound),
        Page("/g/{token}", "/g/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", _ => Outcome.NotFound),
        Page("/marketing", "/marketing", MarketingPage),
        Page("/marketing/cases", "/marketing/cases", MarketingPage),
        Page("/marketing/cases/new", "/marketing/cases/new", MarketingPage),
        Page("/marketing/cases/{id}", $"/marketing/cases/{w.CaseA}", MarketingPage),
        Page("/marketing/galleries", "/marketing/galleries", MarketingPage),
        Page("/marketing/galleries/{id}", $"/marketing/galleries/{w.GalleryA}", MarketingPage),
        Page("/marketing/takedowns", "/marketing/takedowns", MarketingPage),
        Page("/me/pictures", "/me/pictures", PortalPage),
        Page("/admin/audit", "/admin/audit", AdminPage),
        Page("/admin/users", "/admin/users", AdminPage),
        Page("/admin/integrity", "/admin/integrity", AdminPage),
        // "Check now": the role is checked before the form's antiforgery token, so the admin's 400 proves it passed.
        new Rule("PAGE /admin/integrity", "POST", "/admin/integrity?handler=Check", AdminPage),
        Page("/invite/{token}", "/invite/not-a-real-token", Public),
        Page("/me/data", "/me/data", PortalPage),
        // Hangfire's dashboard: a sign-in cookie with the Admin role; bearer tokens never get it.
        new Rule("ANY /admin/jobs/{**path}", "GET", "/admin/jobs", AdminPage) { Cookie = true },
        Page("/account/security", "/account/security", SignedIn),
        Page("/login/second-factor", "/login/second-factor", _ => Outcome.SignIn), // only after a password

        // Last: signing out ends every session of the account, so no later row could use it.
        Api("POST", "/api/v1/auth/logout", "/api/v1/auth/logout", SignedIn),
    ];
}
