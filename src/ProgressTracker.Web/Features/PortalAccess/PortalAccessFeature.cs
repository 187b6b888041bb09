using ProgressTracker.Web.Infrastructure.Hosting;
using ProgressTracker.Web.Infrastructure.Mail;

namespace ProgressTracker.Web.Features.PortalAccess;

/// <summary>Staff side of the patient portal: inviting a patient, the e-mail, revoking and restoring access.</summary>
public static class PortalAccessFeature
{
    public static void AddPortalAccessFeature(this IServiceCollection services, IConfiguration config)
    {
        services.AddMail(config);
        services.AddScopedEach(typeof(PortalInviter), typeof(PortalAccounts));
    }
}
