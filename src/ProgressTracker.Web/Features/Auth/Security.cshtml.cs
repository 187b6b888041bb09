using System.Text;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Auth;

/// <summary>
/// The account's second factor: passkeys (Security.Passkeys.cs) and an authenticator app (QR code and
/// key, then recovery codes shown once). In the anonymous Auth folder so a staff account that must enrol can reach
/// it; it checks the sign-in itself.
/// </summary>
public sealed partial class SecurityModel(UserManager<AppUser> users, IUserStore<AppUser> store, AppSignInManager signIn,
    AccountStates states, IAuditTrail audit, AuthOptions auth, PasskeySettings passkeySettings, TimeProvider clock,
    RefreshTokens refreshTokens)
    : PageModel
{
    private const string Issuer = "ProgressTracker";

    public bool Enabled { get; private set; }
    public bool Required { get; private set; }
    public bool HasSecondFactor => Enabled || Passkeys.Count > 0;
    public string? SharedKey { get; private set; }
    public string? QrCode { get; private set; }
    public IReadOnlyList<string>? RecoveryCodes { get; private set; }
    public string? Error { get; private set; }
    public string? PasswordError { get; private set; }
    public bool PasswordChanged { get; private set; }
    public string ReturnUrl { get; private set; } = "/"; // "/" sends each audience to its own start page

    public async Task<IActionResult> OnGetAsync(string? returnUrl)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        await LoadAsync(user, returnUrl);
        return Page();
    }

    public async Task<IActionResult> OnPostEnableAsync(string? code, string? returnUrl, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var digits = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        if (!await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            Error = "That code is not correct. Check that the app shows ProgressTracker and enter its current code.";
            await LoadAsync(user, returnUrl);
            return Page();
        }
        await users.SetTwoFactorEnabledAsync(user, true); // changes the security stamp: other sessions end
        RecoveryCodes = [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        states.Forget(user.Id);
        await signIn.RefreshSignInAsync(user); // this session continues with the new stamp
        await audit.RecordAsync(new AuditEvent(AuditActions.SecondFactorEnabled, ActorId: user.Id, Detail: "authenticator"), ct);
        await LoadAsync(user, returnUrl);
        return Page();
    }

    /// <summary>
    /// Changes the account's own password: the current one is required (a wrong one counts toward the lockout like a
    /// failed sign-in), the new one meets the policy. The security stamp is renewed, so every other cookie and access
    /// token of the account ends at its next check, and every refresh token is revoked; this session continues.
    /// </summary>
    public async Task<IActionResult> OnPostPasswordAsync(string? currentPassword, string? newPassword,
        string? confirmPassword, string? returnUrl, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        if (string.IsNullOrEmpty(currentPassword) || string.IsNullOrEmpty(newPassword))
            PasswordError = "Enter your current password and a new one.";
        else if (newPassword != confirmPassword)
            PasswordError = "The new password and its confirmation are not the same.";
        else
        {
            var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
            if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
            {
                await users.AccessFailedAsync(user);
                await audit.RecordAsync(new AuditEvent(AuditActions.PasswordChanged, AuditOutcome.Denied, ActorId: user.Id,
                    Detail: "current password not correct"), ct);
                PasswordError = "Your current password is not correct.";
            }
            else if (!result.Succeeded)
                PasswordError = string.Join(" ", result.Errors.Select(e => e.Description));
            else
            {
                // ChangePasswordAsync has renewed the security stamp: other sessions end.
                await refreshTokens.RevokeAllAsync(user.Id, RefreshTokens.Reasons.PasswordChanged, ct);
                await users.ResetAccessFailedCountAsync(user);
                states.Forget(user.Id);
                await signIn.RefreshSignInAsync(user); // this session continues with the new stamp
                await audit.RecordAsync(new AuditEvent(AuditActions.PasswordChanged, ActorId: user.Id), ct);
                PasswordChanged = true;
            }
        }
        await LoadAsync(user, returnUrl);
        return Page();
    }

    private async Task LoadAsync(AppUser user, string? returnUrl)
    {
        ReturnUrl = Url.IsLocalUrl(returnUrl) ? returnUrl! : "/";
        Enabled = await users.GetTwoFactorEnabledAsync(user);
        Required = auth.SecondFactorRequired && StaffRoles.Includes(User);
        await LoadPasskeysAsync(user);
        if (Enabled) return;
        var key = await users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // Not ResetAuthenticatorKeyAsync: that also renews the security stamp, so merely opening this page would
            // end the account's other sessions. A key that is not yet enabled protects nothing, so no stamp change.
            key = users.GenerateNewAuthenticatorKey();
            await ((IUserAuthenticatorKeyStore<AppUser>)store).SetAuthenticatorKeyAsync(user, key, HttpContext.RequestAborted);
            await users.UpdateAsync(user);
        }
        SharedKey = Grouped(key!);
        var account = Uri.EscapeDataString(user.Email ?? user.UserName ?? "account");
        var uri = $"otpauth://totp/{Issuer}:{account}?secret={key}&issuer={Issuer}&digits=6";
        QrCode = QrSvg.Render(uri, "QR code for your authenticator app");
    }

    /// <summary>The key in groups of four, easier to type into an app by hand.</summary>
    private static string Grouped(string key)
    {
        var text = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
            text.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        return text.ToString().TrimEnd().ToLowerInvariant();
    }
}
