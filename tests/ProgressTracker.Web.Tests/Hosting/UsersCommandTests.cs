using System.Net;
using System.Net.Http.Json;
using ProgressTracker.Web.Infrastructure.Hosting;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// The `users` command; the account test stops its own app to run it on the app's data. The password comes from
/// standard input (a reader stands in for it) unless `--password` is given.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class UsersCommandTests
{
    [Theory]
    [InlineData("users")]
    [InlineData("users remove")]
    [InlineData("users add --email a@b.c --role Wizard --password Long-enough-1")]
    [InlineData("users add --email not-an-email --role Clinician --password Long-enough-1")]
    [InlineData("users add --email a@b.c --role Clinician --password")]
    [InlineData("users add --email a@b.c --role Clinician")] // and nothing on standard input
    public async Task Bad_arguments_exit_with_2(string commandLine) =>
        Assert.Equal(2, await UsersCommand.RunAsync(commandLine.Split(' '), new StringReader("")));

    [Fact]
    public void The_usage_shows_the_password_on_standard_input_not_on_the_command_line()
    {
        Assert.DoesNotContain("--password", UsersCommand.Usage);
        Assert.Contains("printf '%s\\n'", UsersCommand.Usage);
    }

    [Fact]
    public async Task Adds_an_account_that_can_sign_in_and_refuses_a_weak_password_or_a_duplicate()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        var data = $"--App:DataDirectory={app.DataDirectory}";
        await app.StopAsync();

        // As piped by `printf '%s\n' "$PW" | … users add --email … --role …`: one line on standard input.
        Assert.Equal(0, await UsersCommand.RunAsync(
            ["users", "add", "--email", "nurse@clinic.test", "--role", "clinician", data], new StringReader("Nurse-Pass-2026\n")));
        Assert.Equal(1, await UsersCommand.RunAsync(
            ["users", "add", "--email", "nurse@clinic.test", "--role", "Clinician", "--password", "Nurse-Pass-2026", data]));
        Assert.Equal(1, await UsersCommand.RunAsync(
            ["users", "add", "--email", "weak@clinic.test", "--role", "Admin", data], new StringReader("short\r\n")));

        await app.StartAsync("All");
        using var http = app.CreateClient();
        var login = await http.PostAsJsonAsync("/api/v1/auth/login",
            new { email = "nurse@clinic.test", password = "Nurse-Pass-2026" });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
    }
}
