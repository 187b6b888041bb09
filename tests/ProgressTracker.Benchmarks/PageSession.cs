using System.Net;
using System.Text.RegularExpressions;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// A browser-like session: signs in through the real login page (antiforgery cookie and form token, then the auth
/// cookie), so the pages are measured with the same cookie authentication a clinician's browser uses.
/// </summary>
public static partial class PageSession
{
    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string email, string password)
    {
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromMinutes(1),
        };
        try
        {
            var form = await http.GetAsync("/login");
            form.EnsureSuccessStatusCode();
            var token = AntiforgeryToken().Match(await form.Content.ReadAsStringAsync());
            if (!token.Success) throw new InvalidOperationException("The login page has no antiforgery token.");

            using var body = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["email"] = email,
                ["password"] = password,
                ["returnUrl"] = "/patients",
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value),
            });
            var signedIn = await http.PostAsync("/login", body);
            if (signedIn.StatusCode != HttpStatusCode.Redirect || signedIn.Headers.Location?.OriginalString != "/patients")
                throw new InvalidOperationException(
                    $"Signing in answered {(int)signedIn.StatusCode} {signedIn.Headers.Location} instead of a redirect to /patients.");
            return http;
        }
        catch
        {
            http.Dispose();
            throw;
        }
    }

    [GeneratedRegex(""""<input[^>]*name="__RequestVerificationToken"[^>]*value="([^"]+)"""")]
    private static partial Regex AntiforgeryToken();
}
