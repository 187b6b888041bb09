using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace ProgressTracker.Web.Infrastructure.Identity;

/// <summary>
/// The password step of every sign-in (page and API). Unknown, locked and deactivated accounts cost one password
/// hash like a real check, so neither the answer nor its timing tells whether an address has an account.
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
            SpendOneHash(password);
            return new Outcome(null, SignInResult.Failed);
        }
        if (await users.IsLockedOutAsync(user))
        {
            SpendOneHash(password);
            return new Outcome(user, SignInResult.LockedOut);
        }
        if (!await signIn.CanSignInAsync(user))
        {
            SpendOneHash(password);
            return new Outcome(user, SignInResult.NotAllowed);
        }
        return new Outcome(user, await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true));
    }

    private void SpendOneHash(string password)
    {
        var stranger = new AppUser();
        _dummyHash ??= hasher.HashPassword(stranger, Convert.ToBase64String(
            System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)));
        hasher.VerifyHashedPassword(stranger, _dummyHash, password);
    }
}
