using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Portal;

/// <summary>The calls the portal-access tests repeat; every e-mail address is unique per call.</summary>
internal static class PortalInvites
{
    public static string NewEmail() => $"patient-{Guid.NewGuid():N}@portal.test";

    public static Task<HttpResponseMessage> InviteAsync(ApiClient staff, string patientId, string? email) =>
        staff.Http.PostAsJsonAsync($"/api/v1/patients/{patientId}/invitations", new { email });

    public static async Task<JsonElement> InvitedAsync(ApiClient staff, string patientId, string email)
    {
        var response = await InviteAsync(staff, patientId, email);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string TokenOf(JsonElement invitation) => TokenOf(invitation.GetProperty("url").GetString()!);

    public static string TokenOf(string url) => url.Split("/invite/")[1];

    public static Task<HttpResponseMessage> AcceptAsync(TestApp app, string token, string password = TestApp.Password) =>
        app.CreateClient().PostAsJsonAsync("/api/v1/invitations/accept", new { token, password });

    /// <summary>A new patient record with a visit, as staff make them.</summary>
    public static async Task<string> NewPatientAsync(ApiClient staff)
    {
        var id = (await staff.CreatePatientAsync()).GetProperty("id").GetString()!;
        await staff.CreateVisitAsync(id);
        return id;
    }
}
