using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Hangfire's dashboard at <c>/admin/jobs</c>, for admins signed in with the page cookie. Read-only unless
/// <c>Jobs:DashboardWritable</c> is set: retrying or deleting jobs is a repair tool, not an everyday one. Mapped only
/// where pages are served; a worker has no dashboard.
/// </summary>
public static class JobsDashboard
{
    public const string Path = "/admin/jobs";

    public static void MapJobsDashboard(this IEndpointRouteBuilder endpoints)
    {
        var writable = endpoints.ServiceProvider.GetRequiredService<JobsOptions>().DashboardWritable;
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
            {
                // Replaces Hangfire's default (local requests only): our check is the role, twice over.
                Authorization = [],
                AsyncAuthorization = [new AdminOnly()],
                IsReadOnlyFunc = _ => !writable,
                DisplayStorageConnectionString = false,
                DashboardTitle = "ProgressTracker jobs",
                AppPath = "/admin/users",
            })
            // The ASP.NET Core check first: anonymous callers are sent to sign in, others to "not allowed".
            .RequireAuthorization(p => p.AddAuthenticationSchemes(IdentityConstants.ApplicationScheme)
                .RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }

    /// <summary>Hangfire's own check, so the dashboard stays closed even if the endpoint policy were lost.</summary>
    private sealed class AdminOnly : IDashboardAsyncAuthorizationFilter
    {
        public Task<bool> AuthorizeAsync(DashboardContext context)
        {
            var user = context.GetHttpContext().User;
            return Task.FromResult(user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Admin));
        }
    }
}
