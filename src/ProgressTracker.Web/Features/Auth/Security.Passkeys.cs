using System.Buffers.Text;
using System.Globalization;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Auth;

/// <summary>One passkey as the page lists it; the id is the credential id, base64url, for the remove form.</summary>
public sealed record PasskeyRow(string Id, string Name, string Added);

/// <summary>
/// Passkeys on the security page: add one (the browser creates it against a challenge from here), list and remove.
/// Adding or removing one changes how the account signs in, so like enrolling an app it renews the security stamp:
/// other sessions end, this one continues.
/// </summary>
public sealed partial class SecurityModel
{
    public const int MaxPasskeyName = 60;

    public IReadOnlyList<PasskeyRow> Passkeys { get; private set; } = [];
    public string? PasskeyError { get; private set; }
    public string? PasskeyStatus { get; private set; }
    public bool PasskeysUsable => passkeySettings.UsableOn(Request);

    /// <summary>The challenge for navigator.credentials.create(), held in Identity's short two-factor cookie.</summary>
    public async Task<IActionResult> OnPostPasskeyOptionsAsync()
    {
        if (await users.GetUserAsync(User) is not { } user) return Unauthorized();
        var name = user.Email ?? user.UserName ?? user.Id.ToString();
        return Content(await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = name,
            DisplayName = name,
        }), "application/json");
    }

    public async Task<IActionResult> OnPostAddPasskeyAsync(string? name, string? credential, string? returnUrl,
        CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        name = (name ?? "").Trim();
        if (name.Length == 0 || name.Length > MaxPasskeyName)
            PasskeyError = $"Give the passkey a name of up to {MaxPasskeyName} characters, such as \u201cWork laptop\u201d.";
        else if (string.IsNullOrWhiteSpace(credential))
            PasskeyError = "No passkey was received. Passkeys need JavaScript and a browser that supports them.";
        else if (await AttestAsync(credential) is not { } passkey)
            PasskeyError = "The passkey could not be added. Try again; if it keeps failing, use an authenticator app.";
        else
        {
            passkey.Name = name;
            var saved = await users.AddOrUpdatePasskeyAsync(user, passkey);
            if (!saved.Succeeded)
                PasskeyError = "The passkey could not be saved. Try again.";
            else
            {
                await SignInMethodsChangedAsync(user);
                await audit.RecordAsync(new AuditEvent(AuditActions.PasskeyAdded, ActorId: user.Id,
                    Detail: AuditId(passkey.CredentialId)), ct);
                PasskeyStatus = $"Passkey \u201c{name}\u201d added. You can now sign in with it alone.";
            }
        }
        await LoadAsync(user, returnUrl);
        return Page();

        async Task<UserPasskeyInfo?> AttestAsync(string json)
        {
            try
            {
                var result = await signIn.PerformPasskeyAttestationAsync(json);
                // The challenge was made for this account; a switch of account in between must not move the passkey.
                return result.Succeeded && result.UserEntity.Id == user.Id.ToString() ? result.Passkey : null;
            }
            catch (InvalidOperationException)
            {
                return null; // no challenge underway: it expired (5 minutes) or was used already
            }
        }
    }

    public async Task<IActionResult> OnPostRemovePasskeyAsync(string? id, string? returnUrl, CancellationToken ct)
    {
        if (await users.GetUserAsync(User) is not { } user) return Challenge();
        var credentialId = Decode(id);
        var passkey = credentialId is null ? null : await users.GetPasskeyAsync(user, credentialId);
        if (passkey is null)
            PasskeyError = "That passkey is not on this account (any more).";
        else if (!(await users.RemovePasskeyAsync(user, passkey.CredentialId)).Succeeded)
            PasskeyError = "The passkey could not be removed. Try again.";
        else
        {
            await SignInMethodsChangedAsync(user);
            await audit.RecordAsync(new AuditEvent(AuditActions.PasskeyRemoved, ActorId: user.Id,
                Detail: AuditId(passkey.CredentialId)), ct);
            PasskeyStatus = $"Passkey \u201c{passkey.Name}\u201d removed. It can no longer sign in to this account; " +
                            "you may also delete it from your device.";
        }
        await LoadAsync(user, returnUrl);
        return Page();
    }

    private async Task SignInMethodsChangedAsync(AppUser user)
    {
        await users.UpdateSecurityStampAsync(user);
        states.Forget(user.Id);
        await signIn.RefreshSignInAsync(user); // this session continues with the new stamp (and its sign-in time)
    }

    private async Task LoadPasskeysAsync(AppUser user)
    {
        var offset = clock.GetLocalNow().Offset;
        Passkeys = [.. (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new PasskeyRow(Base64Url.EncodeToString(p.CredentialId), p.Name ?? "Passkey",
                p.CreatedAt.ToOffset(offset).ToString("d MMM yyyy", CultureInfo.InvariantCulture)))];
    }

    /// <summary>The audit names a passkey by the start of its credential id: the name may be personal.</summary>
    private static string AuditId(byte[] credentialId)
    {
        var id = Base64Url.EncodeToString(credentialId);
        return "credential " + id[..Math.Min(8, id.Length)];
    }

    private static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        try
        {
            return Base64Url.DecodeFromChars(id);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
