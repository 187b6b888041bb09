using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Infrastructure.Identity;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();
}
