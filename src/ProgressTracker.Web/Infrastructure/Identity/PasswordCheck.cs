using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// The password step of every sign-in (page and API). Every path verifies exactly one password hash with the app's
/// hasher: an unknown account against a dummy hash made by that hasher, a locked or deactivated account against its
/// own hash (the result is ignored), so neither the answer nor the time spent hashing tells whether an address has
/// an account or whether it is locked. A locked or deactivated account also gets the account-row write that a
/// counted failure makes (without counting), so it costs about what a wrong password costs. An unknown account has
/// no row to write; that difference (one row update) is listed in docs/security.md as not covered.
/// </summary>
public sealed class PasswordCheck(UserManager<AppUser> users, AppSignInManager signIn, IPasswordHasher<AppUser> hasher)
{
    /// <summary>A hash of a random password, made once: unknown accounts are verified against it.</summary>
    private static string? _dummyHash;

    public sealed record Outcome(AppUser? User, SignInResult Result)
    {
        public bool Succeeded => User is not null && Result.Succeeded;
    }

    public async Task<Outcome> CheckAsync(string email, string password)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            SpendOneHash(null, password);
            return new Outcome(null, SignInResult.Failed);
        }
        if (await users.IsLockedOutAsync(user))
        {
            SpendOneHash(user, password);
            await users.UpdateAsync(user); // the row write of a counted failure, without counting
            return new Outcome(user, SignInResult.LockedOut);
        }
        if (!await signIn.CanSignInAsync(user))
        {
            SpendOneHash(user, password);
            await users.UpdateAsync(user);
            return new Outcome(user, SignInResult.NotAllowed);
        }
        return new Outcome(user, await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }

    /// <summary>One verification, as a real check does; its result is never used.</summary>
    private void SpendOneHash(AppUser? user, string password)
    {
        var subject = user ?? new AppUser();
        var hash = user?.PasswordHash ?? (_dummyHash ??= hasher.HashPassword(new AppUser(), Convert.ToBase64String(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(24))));
        hasher.VerifyHashedPassword(subject, hash, password);
    }
}
