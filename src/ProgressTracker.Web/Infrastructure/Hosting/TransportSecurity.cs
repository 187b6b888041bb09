using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// How the app is reached. Section "Proxy": the TLS-terminating proxies whose X-Forwarded-For/-Proto are believed
/// (none by default: then the headers are ignored, so a client cannot claim https or another address). Section
/// "Hosting": whether the site is served over https (default: yes when a proxy is configured, no otherwise).
/// </summary>
public sealed record TransportSecurity(bool Https, IReadOnlyList<IPAddress> Proxies, IReadOnlyList<System.Net.IPNetwork> Networks)
{
    public const string HostCookiePrefix = "__Host-";
    public const string AntiforgeryCookie = "pt.af";

    public bool BehindProxy => Proxies.Count > 0 || Networks.Count > 0;

    public static TransportSecurity From(IConfiguration config)
    {
        var proxies = Values(config, "Proxy:KnownProxies").Select(v => Parse(v, "Proxy:KnownProxies", IPAddress.Parse)).ToList();
        var networks = Values(config, "Proxy:KnownNetworks")
            .Select(v => Parse(v, "Proxy:KnownNetworks", s => System.Net.IPNetwork.Parse(s))).ToList();
        var https = config.GetValue<bool?>("Hosting:Https") ?? (proxies.Count > 0 || networks.Count > 0);
        return new TransportSecurity(https, proxies, networks);
    }

    /// <summary>A list setting, as indexed keys (Proxy__KnownProxies__0) or one comma-separated value.</summary>
    private static IEnumerable<string> Values(IConfiguration config, string key)
    {
        var section = config.GetSection(key);
        return (section.Value ?? "").Split(',').Concat(section.GetChildren().Select(c => c.Value ?? ""))
            .Select(v => v.Trim()).Where(v => v.Length > 0);
    }

    private static T Parse<T>(string value, string setting, Func<string, T> parse)
    {
        try
        {
            return parse(value);
        }
        catch (FormatException e)
        {
            throw new InvalidOperationException($"{setting}: '{value}' is not an IP address or network (CIDR).", e);
        }
    }
}

public static class TransportSecurityServices
{
    public static TransportSecurity AddTransportSecurity(this IServiceCollection services, IConfiguration config)
    {
        var transport = TransportSecurity.From(config);
        services.AddSingleton(transport);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback; only the configured proxies are trusted here.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in transport.Proxies) o.KnownProxies.Add(proxy);
            foreach (var network in transport.Networks) o.KnownIPNetworks.Add(network);
        });
        services.Configure<AntiforgeryOptions>(o => o.Cookie.Name = TransportSecurity.AntiforgeryCookie);
        if (!transport.Https) return transport; // plain http (loopback, tests): cookies follow the request

        services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
        services.AddHttpsRedirection(o => o.HttpsPort = config.GetValue("Hosting:HttpsPort", 443));
        // __Host- cookies are only accepted by browsers when Secure, Path=/ and without Domain: no subdomain or
        // plain-http page can set or overwrite them.
        services.PostConfigureAll<CookieAuthenticationOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
        services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o =>
        {
            o.Cookie.Name = HostPrefixed(o.Cookie.Name ?? "pt.auth");
            o.Cookie.Path = "/";
            o.Cookie.Domain = null;
        });
        services.PostConfigure<AntiforgeryOptions>(o => HostOnly(o.Cookie));
        services.PostConfigure<CookieTempDataProviderOptions>(o => HostOnly(o.Cookie));
        return transport;
    }

    /// <summary>First in the pipeline: the forwarded scheme and address must be settled before anything reads them.</summary>
    public static void UseTransportSecurity(this WebApplication app)
    {
        var transport = app.Services.GetRequiredService<TransportSecurity>();
        if (transport.BehindProxy) app.UseForwardedHeaders();
        if (!transport.Https) return;
        app.UseHsts();
        // Load balancers probe /health over plain http inside the network; it says only "healthy" or "unhealthy".
        app.UseWhen(ctx => ctx.Request.Path != "/health", https => https.UseHttpsRedirection());
    }

    private static void HostOnly(CookieBuilder cookie)
    {
        cookie.Name = HostPrefixed(cookie.Name ?? "pt");
        cookie.SecurePolicy = CookieSecurePolicy.Always;
        cookie.Path = "/";
        cookie.Domain = null;
    }

    private static string HostPrefixed(string name) =>
        name.StartsWith(TransportSecurity.HostCookiePrefix, StringComparison.Ordinal) ? name : TransportSecurity.HostCookiePrefix + name;
}
