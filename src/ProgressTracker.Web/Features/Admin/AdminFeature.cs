using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Admin;

public static class AdminFeature
{
    public static void AddAdminFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddSettings<InvitationOptions>(config, InvitationOptions.Section);
        services.AddScopedEach(typeof(StaffDirectory), typeof(Invitations), typeof(InvitationAcceptance),
            typeof(AccountAdministration));
    }
}
