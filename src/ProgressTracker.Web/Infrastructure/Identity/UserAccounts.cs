using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>Creates accounts with a role; used by the `users add` command and the demo seeder.</summary>
public sealed class UserAccounts(UserManager<AppUser> users, RoleManager<IdentityRole<Guid>> roles)
{
    public async Task EnsureRolesAsync(CancellationToken ct)
    {
        foreach (var role in Roles.All)
        {
            ct.ThrowIfCancellationRequested();
            if (!await roles.RoleExistsAsync(role))
                Check(await roles.CreateAsync(new IdentityRole<Guid>(role) { Id = Guid.CreateVersion7() }));
        }
    }

    /// <summary>Returns null on success, else the reasons Identity gave (password rules, duplicate email, …).</summary>
    public async Task<(AppUser? User, string? Error)> AddAsync(string email, string role, string password, CancellationToken ct)
    {
        await EnsureRolesAsync(ct);
        if (await users.FindByEmailAsync(email) is not null)
            return (null, $"An account with the email {email} already exists.");
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return (null, Describe(created));
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            await users.DeleteAsync(user);
            return (null, Describe(added));
        }
        return (user, null);
    }

    private static string Describe(IdentityResult result) =>
        string.Join(" ", result.Errors.Select(e => e.Description));

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(Describe(result));
    }
}
