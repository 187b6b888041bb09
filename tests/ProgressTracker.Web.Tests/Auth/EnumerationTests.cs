using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;
using Xunit.Abstractions;
using static ProgressTracker.Web.Tests.Auth.AuthTestKit;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>
/// Sign-in must not tell whether an address has an account: unknown, wrong password and locked out get the same
/// answer (page and API), and about the same time (printed, not asserted: wall time on a shared machine is noise).
/// </summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class EnumerationTests(EmbeddedAppFixture fixture, ITestOutputHelper output)
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Unknown_wrong_password_and_locked_out_get_the_same_answer()
    {
        var (unknown, wrong, locked) = await AccountsAsync();

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

    [Fact]
    public async Task Prints_the_time_each_case_takes()
    {
        var (unknown, wrong, locked) = await AccountsAsync();
        await ApiLoginAsync(App, unknown); // warm-up
        foreach (var (name, email, password) in new[]
                 {
                     ("unknown account", unknown, TestApp.Password), ("wrong password", wrong, "Not-the-password-1"),
                     ("locked out", locked, TestApp.Password),
                 })
        {
            var times = new List<double>();
            for (var i = 0; i < 5; i++)
            {
                var watch = Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.Unauthorized, (await ApiLoginAsync(App, email, password)).StatusCode);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            output.WriteLine($"sign-in refused, {name}: median {times[2]:F1} ms (min {times[0]:F1}, max {times[4]:F1})");
        }
    }

    private async Task<(string Unknown, string Wrong, string Locked)> AccountsAsync()
    {
        var wrong = await AddUserAsync(App, Roles.Clinician);
        var locked = await AddUserAsync(App, Roles.Clinician);
        await ChangeUserAsync(App, locked.Id, (users, u) => users.SetLockoutEndDateAsync(u, DateTimeOffset.MaxValue));
        return ($"nobody-{Guid.NewGuid():N}@auth.test", wrong.Email!, locked.Email!);
    }
}
