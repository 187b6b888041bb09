using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Set by an admin; a deactivated account's cookies and tokens stop working (checked every request).</summary>
    public DateTimeOffset? DeactivatedAt { get; set; }

    public DateTimeOffset? LastSignInAt { get; set; }

    public bool IsActive => DeactivatedAt is null;
}
