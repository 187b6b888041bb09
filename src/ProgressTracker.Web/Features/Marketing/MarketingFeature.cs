using ProgressTracker.Web.Features.Consents;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web.Features.Marketing;

/// <summary>
/// The marketing workspace (pages under /marketing, API under /api/v1/marketing, /galleries, /takedowns), the
/// patient's review of pictures (/api/v1/me/cases) and the public galleries (/g/…).
/// </summary>
public static class MarketingFeature
{
    public static void AddMarketingFeature(this IServiceCollection services, IConfiguration config, HostRoleOptions role)
    {
        services.AddSettings<MarketingOptions>(config, MarketingOptions.Section);
        services.AddSingleton<MarketingPhotoRefs>();
        services.AddScopedEach(typeof(MarketingCatalog), typeof(MarketingCases), typeof(RenderCaseJob), typeof(CaseWithdrawals),
            typeof(CaseImages), typeof(Galleries), typeof(Takedowns), typeof(PatientCases), typeof(WithdrawalOutcomes), typeof(PublicGallery));
        services.AddScoped<IConsentEnded>(sp => sp.GetRequiredService<CaseWithdrawals>());
        if (role.RunsJobs) services.AddHostedService<TakedownSweep>();
        services.AddSweep<CaseSweeper>(role);
    }
}
