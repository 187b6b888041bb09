namespace ProgressTracker.Web.Features.Auth;

public sealed record MeDto(Guid Id, string? Email, IReadOnlyList<string> Roles, Guid? PatientId);

/// <summary>`GET /me`: who the caller is, for clients that adapt to the role (and find a patient's own record).</summary>
public static class MeEndpoint
{
    public static void MapMeEndpoint(this IEndpointRouteBuilder api) =>
        api.MapGet("/me", GetAsync).WithTags("Auth").WithSummary("The signed-in account: id, email, roles, patient record.");

    private static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> GetAsync(ClaimsPrincipal user,
        AppDbContext db, CancellationToken ct)
    {
        if (CurrentUser.Id(user) is not { } id) return TypedResults.Unauthorized();
        var email = await db.Users.Where(u => u.Id == id).Select(u => u.Email).FirstOrDefaultAsync(ct);
        var patientId = await db.Patients.Where(p => p.UserId == id).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(ct);
        var roles = Roles.All.Where(user.IsInRole).Select(r => r.ToLowerInvariant()).ToList();
        return TypedResults.Ok(new MeDto(id, email, roles, patientId));
    }
}
