using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// Sign-in must not tell whether an address has an account: unknown, wrong password and locked out get the same
/// answer (page and API), and do the same expensive work: one password hash verified each.
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class EnumerationTests(EmbeddedAppFixture fixture)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Unknown_wrong_password_and_locked_out_get_the_same_answer()
    {
        var (unknown, wrong, locked) = await AccountsAsync(App);

        var api = new List<(HttpStatusCode, string?, string?)>();
        var page = new List<(HttpStatusCode, string)>();
        foreach (var (email, password) in new[] { (unknown, TestApp.Password), (wrong, "Not-the-password-1"), (locked, TestApp.Password) })
        {
            var response = await ApiLoginAsync(App, email, password);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            api.Add((response.StatusCode, problem.GetProperty("title").GetString(), problem.GetProperty("detail").GetString()));

            var form = await CookieBrowser.PostLoginAsync(CookieBrowser.Create(App), email, password);
            var html = await form.Content.ReadAsStringAsync();
            var alert = html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..];
            page.Add((form.StatusCode, alert[..alert.IndexOf("</p>", StringComparison.Ordinal)]));
        }

        Assert.Equal(HttpStatusCode.Unauthorized, api[0].Item1);
        Assert.Contains("email or password is not correct", api[0].Item3);
        Assert.All(api, a => Assert.Equal(api[0], a));
        Assert.Equal(HttpStatusCode.OK, page[0].Item1);
        Assert.Contains("email or password is not correct", page[0].Item2);
        Assert.All(page, p => Assert.Equal(page[0], p));
        Assert.DoesNotContain(api.Select(a => a.Item3).Concat(page.Select(p => p.Item2)),
            text => text!.Contains("lock", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>
    /// Timing, deterministically: every refused sign-in (unknown account, wrong password, locked out), on the API and
    /// the page, verifies exactly one password hash with the app's hasher (the expensive part of a sign-in), as a
    /// right password does, and gets byte-identical answers (apart from the problem's trace id). Wall time on a shared machine is noise, so it is
    /// not what is asserted.
    /// </summary>
    [Fact]
    public async Task Every_refused_sign_in_verifies_exactly_one_password_hash_and_gets_the_same_bytes()
    {
        var hasher = new CountingHasher();
        await using var app = await TestApp.StartAsync(StorageMode.Embedded,
            s => s.AddSingleton<IPasswordHasher<AppUser>>(hasher));
        var (unknown, wrong, locked) = await AccountsAsync(app);
        var deactivated = await AddUserAsync(app, Roles.Clinician);
        await ChangeUserAsync(app, deactivated.Id, (users, u) =>
        {
            u.DeactivatedAt = DateTimeOffset.UnixEpoch;
            return users.UpdateAsync(u);
        });

        var apiBodies = new List<string>();
        var pageAlerts = new List<string>();
        foreach (var (email, password) in new[]
                 {
                     (unknown, TestApp.Password), (wrong, "Not-the-password-1"), (locked, TestApp.Password),
                     (deactivated.Email!, TestApp.Password),
                 })
        {
            var before = hasher.Verified;
            var row = await RowVersionAsync(app, email);
            var response = await ApiLoginAsync(app, email, password);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(1, hasher.Verified - before);
            // An existing account's row is written once, as a counted failure writes it (an unknown one has none).
            if (row is not null) Assert.NotEqual(row, await RowVersionAsync(app, email));
            // Byte for byte, apart from the per-request trace id every problem carries.
            apiBodies.Add(System.Text.RegularExpressions.Regex.Replace(await response.Content.ReadAsStringAsync(),
                "\"traceId\":\"[^\"]*\"", "\"traceId\":\"\""));

            before = hasher.Verified;
            row = await RowVersionAsync(app, email);
            var form = await CookieBrowser.PostLoginAsync(CookieBrowser.Create(app), email, password);
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.Equal(1, hasher.Verified - before);
            if (row is not null) Assert.NotEqual(row, await RowVersionAsync(app, email));
            var html = await form.Content.ReadAsStringAsync();
            var alert = html[html.IndexOf("role=\"alert\"", StringComparison.Ordinal)..];
            pageAlerts.Add(alert[..alert.IndexOf("</p>", StringComparison.Ordinal)]);
        }
        Assert.All(apiBodies, b => Assert.Equal(apiBodies[0], b));
        Assert.All(pageAlerts, a => Assert.Equal(pageAlerts[0], a));

        var right = hasher.Verified; // the control: a right password also verifies one hash
        Assert.Equal(HttpStatusCode.OK, (await ApiLoginAsync(app, TestApp.ClinicianEmail)).StatusCode);
        Assert.Equal(1, hasher.Verified - right);
    }

    /// <summary>The account row's concurrency stamp, which every write of the row renews; null for no account.</summary>
    private static async Task<string?> RowVersionAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var upper = email.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<ProgressTracker.Web.Infrastructure.Data.AppDbContext>().Users
            .Where(u => u.NormalizedEmail == upper).Select(u => u.ConcurrencyStamp).FirstOrDefaultAsync();
    }

    /// <summary>The app's own hasher, counting how many hashes it verifies.</summary>
    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private readonly PasswordHasher<AppUser> _inner = new();
        private int _verified;
        public int Verified => Volatile.Read(ref _verified);
        public string HashPassword(AppUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    private static async Task<(string Unknown, string Wrong, string Locked)> AccountsAsync(TestApp app)
    {
        var wrong = await AddUserAsync(app, Roles.Clinician);
        var locked = await AddUserAsync(app, Roles.Clinician);
        await ChangeUserAsync(app, locked.Id, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));
        return ($"nobody-{Guid.NewGuid():N}@auth.test", wrong.Email!, locked.Email!);
    }
}
