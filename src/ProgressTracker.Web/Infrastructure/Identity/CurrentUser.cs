namespace ProgressTracker.Web.Infrastructure.Identity;

public static class CurrentUser
{
    public static Guid? Id(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;
}
