using Microsoft.Playwright;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Browser;

/// <summary>
/// One test's browser: its pages each get a fresh context (own cookies, storage and viewport) on the one Chromium
/// the whole run shares — Debian's Chromium driven by Playwright; Playwright's own browser download is never used.
/// Disposing the session closes its contexts; Chromium itself closes when the test process exits.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchSharedAsync);
    private readonly List<IBrowserContext> _contexts = [];
    private readonly IBrowser _browser;

    private BrowserSession(IBrowser browser) => _browser = browser;

    public static async Task<BrowserSession> StartAsync()
    {
        var browser = await Shared.Value;
        if (!browser.IsConnected) throw new InvalidOperationException("The shared Chromium has gone away (crashed?).");
        return new BrowserSession(browser);
    }

    private static async Task<IBrowser> LaunchSharedAsync()
    {
        var executable = Environment.GetEnvironmentVariable("PT_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        if (!File.Exists(executable))
            throw new InvalidOperationException($"Chromium not found at {executable}; `bash infra/test.sh` installs it.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        // xunit 2 has no assembly fixture: close Chromium and the Playwright driver when the test process ends.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(10));
            playwright.Dispose();
        };
        return browser;
    }

    /// <summary>A page in a context of its own (no cookies yet), addressed relative to the app.</summary>
    public async Task<IPage> NewPageAsync(TestApp app, BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.BaseURL = app.BaseAddress.ToString();
        var context = await _browser.NewContextAsync(options);
        lock (_contexts) _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>
    /// A page signed in as the test clinician, at the given width. A phone has touch and a coarse pointer, as on a
    /// real one; without JavaScript the pages' no-script fallbacks are what is tested.
    /// </summary>
    public async Task<IPage> SignedInPageAsync(TestApp app, int width = 1440, int height = 1000, bool phone = false,
        bool javaScript = true)
    {
        var page = await NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
            JavaScriptEnabled = javaScript,
        });
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(TestApp.ClinicianEmail);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Heading, new() { Name = "Patients" }).WaitForAsync();
        return page;
    }

    /// <summary>
    /// A page signed in as <paramref name="email"/> (any role), at the given width; returns once the sign-in has led
    /// to the account's start page (a patient's is /me).
    /// </summary>
    public async Task<IPage> SignedInAsAsync(TestApp app, string email, int width = 1440, int height = 1000,
        bool phone = false)
    {
        var page = await NewPageAsync(app, new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            IsMobile = phone,
            HasTouch = phone,
        });
        await page.GotoAsync("/login");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(TestApp.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.StartsWith("/login", StringComparison.Ordinal));
        return page;
    }

    /// <summary>Screenshots are test artifacts: saved under $PT_ARTIFACTS/screenshots (or the test output).</summary>
    public static string ScreenshotPath(string name)
    {
        var root = Environment.GetEnvironmentVariable("PT_ARTIFACTS") is { Length: > 0 } a ? a : AppContext.BaseDirectory;
        var dir = Path.Combine(root, "screenshots");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    /// <summary>
    /// The whole page, captured by growing the viewport to it: Chromium's own full-page capture drops touch
    /// emulation while it works, so a phone would be drawn with a desktop's controls.
    /// </summary>
    public static async Task ScreenshotWholePageAsync(IPage page, string name)
    {
        var viewport = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(viewport.Width, Math.Max(height, viewport.Height));
        await page.ScreenshotAsync(new() { Path = ScreenshotPath(name) });
        await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
    }

    public async ValueTask DisposeAsync()
    {
        IBrowserContext[] contexts;
        lock (_contexts) contexts = [.. _contexts];
        foreach (var context in contexts) await context.CloseAsync();
    }
}
