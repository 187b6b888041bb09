using System.Net;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Security;

/// <summary>
/// Behind a TLS-terminating proxy the app trusts X-Forwarded-* only from the proxies it is told about, then acts as
/// an https site: HSTS, a redirect for plain http, and Secure cookies with the __Host- prefix. The test client is the
/// "proxy" here: it connects from 127.0.0.1 and sends the headers a proxy would.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class TransportSecurityTests(TransportSecurityTests.BehindProxy fixture)
    : IClassFixture<TransportSecurityTests.BehindProxy>
{
    private const string SiteHost = "clinic.example";

    /// <summary>An app behind a proxy on 127.0.0.1, serving one host name.</summary>
    public sealed class BehindProxy : IAsyncLifetime
    {
        public TestApp App { get; private set; } = null!;

        public async Task InitializeAsync() => App = await TestApp.StartAsync(StorageMode.Embedded,
            extraSettings: ["--Proxy:KnownProxies:0=127.0.0.1", $"--AllowedHosts={SiteHost}"]);

        public async Task DisposeAsync()
        {
            if (App is not null) await App.DisposeAsync();
        }
    }

    [Fact]
    public async Task Https_forwarded_by_a_known_proxy_gets_hsts()
    {
        using var http = fixture.App.CreateClient();
        using var response = await http.SendAsync(Get("/login", proto: "https"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.TryGetValues("Strict-Transport-Security", out var hsts), "HSTS is sent over https");
        Assert.Contains("max-age=", Assert.Single(hsts));
    }

    [Fact]
    public async Task Plain_http_through_the_proxy_is_redirected_to_https()
    {
        using var http = fixture.App.CreateClient();
        using var response = await http.SendAsync(Get("/login?returnUrl=%2Fpatients", proto: "http"));
        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect,
            $"expected a redirect, got {(int)response.StatusCode}");
        Assert.Equal($"https://{SiteHost}/login?returnUrl=%2Fpatients", response.Headers.Location?.ToString());
    }

    [Fact]
    public async Task Cookies_are_secure_and_host_prefixed_over_https()
    {
        using var http = fixture.App.CreateClient();
        using var page = await http.SendAsync(Get("/login", proto: "https"));
        var antiforgery = Assert.Single(page.Headers.GetValues("Set-Cookie"), c => c.Contains("af", StringComparison.Ordinal));
        AssertHostCookie(antiforgery, "__Host-pt.af=");

        var token = await FormToken(page);
        var cookie = antiforgery.Split(';')[0];
        var login = Get("/login", proto: "https");
        login.Method = HttpMethod.Post;
        login.Headers.Add("Cookie", cookie);
        login.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = TestApp.ClinicianEmail, ["password"] = TestApp.Password, ["__RequestVerificationToken"] = token,
        });
        using var signedIn = await http.SendAsync(login);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        AssertHostCookie(Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("pt.auth=", StringComparison.Ordinal)),
            "__Host-pt.auth=");
    }

    [Fact]
    public async Task Only_the_configured_host_name_is_served()
    {
        using var http = fixture.App.CreateClient();
        using var other = await http.SendAsync(Get("/health", proto: "https", host: "evil.example"));
        Assert.Equal(HttpStatusCode.BadRequest, other.StatusCode);
        using var ours = await http.SendAsync(Get("/health", proto: "https"));
        Assert.Equal(HttpStatusCode.OK, ours.StatusCode);
    }

    [Theory]
    [InlineData("--Hosting:Https=true")] // https, but no proxy is trusted
    [InlineData("--Proxy:KnownProxies:0=10.20.30.40")] // a proxy elsewhere; 127.0.0.1 is not it
    [InlineData("--Proxy:KnownNetworks:0=10.0.0.0/8")] // only a trust setting: the app still listens on 127.0.0.1
    public async Task Forwarded_headers_from_an_unknown_client_are_ignored(string setting)
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded, extraSettings: [setting]);
        using var http = app.CreateClient();
        using var response = await http.SendAsync(Get("/login", proto: "https"));
        // X-Forwarded-Proto was not believed: the request still counts as plain http and is sent to https.
        Assert.True(response.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect,
            $"expected a redirect, got {(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Plain_http_on_loopback_keeps_working_by_default()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        using var http = app.CreateClient();
        using var response = await http.SendAsync(Get("/login", proto: "https"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"), "forwarded headers are ignored by default");
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.DoesNotContain("__Host-", cookie);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    private static HttpRequestMessage Get(string path, string proto, string host = SiteHost)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        request.Headers.Add("X-Forwarded-Proto", proto);
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        return request;
    }

    private static void AssertHostCookie(string setCookie, string prefix)
    {
        Assert.StartsWith(prefix, setCookie);
        var attributes = setCookie.Split(';').Select(a => a.Trim().ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("path=/", attributes);
        Assert.DoesNotContain(attributes, a => a.StartsWith("domain=", StringComparison.Ordinal));
    }

    private static async Task<string> FormToken(HttpResponseMessage page) =>
        CookieBrowser.FormToken(await page.Content.ReadAsStringAsync());
}
