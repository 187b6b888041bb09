using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Auth;

/// <summary>What the sign-in tests share: accounts of their own, a cookie client that signs in through the page, TOTP.</summary>
public static class AuthTestKit
{
    public static async Task<AppUser> AddUserAsync(TestApp app, string role, string? email = null)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(email ?? $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@auth.test", role, TestApp.Password, default);
        Assert.True(user is not null, error);
        return user!;
    }

    /// <summary>Runs <paramref name="change"/> on the account through the app's own UserManager.</summary>
    public static async Task ChangeUserAsync(TestApp app, Guid id, Func<UserManager<AppUser>, AppUser, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        await change(users, (await users.FindByIdAsync(id.ToString()))!);
    }

    public static Task<HttpResponseMessage> ApiLoginAsync(TestApp app, string email, string password = TestApp.Password,
        string? twoFactorCode = null) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/login", new { email, password, twoFactorCode });

    public static async Task<JsonElement> TokensAsync(TestApp app, string email)
    {
        var response = await ApiLoginAsync(app, email);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static Task<HttpResponseMessage> RefreshAsync(TestApp app, string refreshToken) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken });

    public static HttpClient Bearer(TestApp app, string accessToken)
    {
        var http = app.CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", accessToken);
        return http;
    }

    /// <summary>RFC 6238 TOTP (HMAC-SHA1, 30 s, 6 digits) from the Base32 key an authenticator app is given.</summary>
    public static string Totp(string base32Key, DateTimeOffset at)
    {
        var key = Base32(base32Key.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var counter = BitConverter.GetBytes(at.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bytes = new List<byte>();
        int buffer = 0, bits = 0;
        foreach (var c in text.TrimEnd('='))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits < 8) continue;
            bytes.Add((byte)(buffer >> (bits - 8)));
            bits -= 8;
        }
        return [.. bytes];
    }
}
