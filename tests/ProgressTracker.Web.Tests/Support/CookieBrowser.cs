using System.Net;
using AngleSharp.Html.Parser;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A browser without a browser: an HttpClient with a cookie jar that follows no redirects, signed in by posting the
/// login form with its antiforgery token, as the pages expect.
/// </summary>
public static class CookieBrowser
{
    public static HttpClient Create(TestApp app) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.BaseAddress,
        };

    /// <summary>A new client signed in through the login page; fails the test unless the sign-in redirects.</summary>
    public static async Task<HttpClient> SignedInAsync(TestApp app, string email, string password = TestApp.Password)
    {
        var browser = Create(app);
        var response = await PostLoginAsync(browser, email, password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return browser;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(HttpClient browser, string email,
        string password = TestApp.Password)
    {
        var token = await FormTokenAsync(browser, "/login");
        return await browser.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = email, ["password"] = password, ["returnUrl"] = "/patients", ["__RequestVerificationToken"] = token,
        }));
    }

    public static async Task<string> FormTokenAsync(HttpClient browser, string page) =>
        FormToken(await browser.GetStringAsync(page), page);

    public static string FormToken(string html, string page = "the page") =>
        new HtmlParser().ParseDocument(html).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
        ?? throw new InvalidOperationException($"{page} renders no antiforgery token.");
}
