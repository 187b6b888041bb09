using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ProgressTracker.Web.Infrastructure.Data;
using ProgressTracker.Web.Infrastructure.Identity;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Admin;

/// <summary>Accounts, cookie sign-in and refresh-token rows for the admin tests; every email is unique per call.</summary>
internal static class AdminAccounts
{
    public static async Task<(string Email, Guid Id)> CreateAsync(TestApp app, string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@clinic.test";
        await using var scope = app.Services.CreateAsyncScope();
        var (user, error) = await scope.ServiceProvider.GetRequiredService<UserAccounts>()
            .AddAsync(email, role, TestApp.Password, CancellationToken.None);
        Assert.True(user is not null, error);
        return (email, user!.Id);
    }

    public static async Task<(ApiClient Api, Guid Id)> SignedInAsync(TestApp app, string role)
    {
        var (email, id) = await CreateAsync(app, role);
        return (await ApiClient.SignInAsync(app, email), id);
    }

    public static async Task<HttpResponseMessage> InviteAsync(ApiClient admin, string email, string role = "clinician") =>
        await admin.Http.PostAsJsonAsync("/api/v1/admin/invitations", new { email, role });

    public static async Task<JsonElement> InvitedAsync(ApiClient admin, string email, string role = "clinician")
    {
        var response = await InviteAsync(admin, email, role);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string TokenOf(JsonElement invitation) =>
        invitation.GetProperty("url").GetString()!.Split("/invite/")[1];

    public static Task<HttpResponseMessage> AcceptAsync(TestApp app, string token, string password = TestApp.Password) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password });

    public static async Task<int> AccountCountAsync(TestApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var upper = email.ToUpperInvariant();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.CountAsync(u => u.NormalizedEmail == upper);
    }

    /// <summary>Live refresh-token rows, as the auth feature stores them, so revocation can be checked.</summary>
    public static async Task AddRefreshTokensAsync(TestApp app, Guid userId, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = TimeProvider.System.GetUtcNow();
        for (var i = 0; i < count; i++)
            db.RefreshTokens.Add(new RefreshToken
            {
                UserId = userId, FamilyId = Guid.NewGuid(), TokenHash = Guid.NewGuid().ToString("N") + Guid.NewGuid().ToString("N"),
                CreatedAt = now, ExpiresAt = now.AddDays(1), FamilyExpiresAt = now.AddDays(7),
            });
        await db.SaveChangesAsync();
    }

    public static async Task<List<RefreshToken>> RefreshTokensAsync(TestApp app, Guid userId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().RefreshTokens.AsNoTracking()
            .Where(t => t.UserId == userId).ToListAsync();
    }

    public static async Task<AppUser> UserAsync(TestApp app, Guid id)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.AsNoTracking().SingleAsync(u => u.Id == id);
    }
}
