using Microsoft.AspNetCore.Identity;
using ProgressTracker.Web.Features.Demo;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>Passwords need at least 12 characters; the demo seeder's and the tests' own passwords still pass.</summary>
[Collection(EmbeddedApp.Name), Trait(Tier.Name, Tier.Fast)]
public sealed class PasswordPolicyTests(EmbeddedAppFixture fixture)
{
    [Fact]
    public async Task Eleven_characters_are_refused_and_twelve_accepted()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<UserAccounts>();
        var (refused, error) = await accounts.AddAsync($"short-{Guid.NewGuid():N}@auth.test", Roles.Clinician, "Abcdefghi12", default);
        Assert.Null(refused);
        Assert.Contains("12", error);
        var (accepted, _) = await accounts.AddAsync($"long-{Guid.NewGuid():N}@auth.test", Roles.Clinician, "Abcdefghij12", default);
        Assert.NotNull(accepted);
    }

    [Fact]
    public async Task Demo_and_test_passwords_meet_the_policy()
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var candidates = Enumerable.Range(0, 50).Select(_ => DemoAccounts.NewPassword())
            .Append(TestApp.Password).Append("Nurse-Pass-2026");
        foreach (var password in candidates)
            foreach (var validator in users.PasswordValidators)
                Assert.True((await validator.ValidateAsync(users, new AppUser(), password)).Succeeded, password);
    }
}
