using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace ProgressTracker.Web.Features.Access;

public static class AccessServices
{
    /// <summary>The resource handlers and the claims every rule reads; call after AddAppIdentity.</summary>
    public static void AddAccessRules(this IServiceCollection services)
    {
        services.AddSingleton<IAuthorizationHandler, PatientHandler>();
        services.AddSingleton<IAuthorizationHandler, VisitHandler>();
        services.AddSingleton<IAuthorizationHandler, PhotoHandler>();
        services.AddSingleton<IAuthorizationHandler, MediaHandler>();
        services.AddSingleton<IAuthorizationHandler, ExportHandler>();
        services.AddSingleton<IAuthorizationHandler, ConsentHandler>();
        services.AddSingleton<IAuthorizationHandler, CaseHandler>();
        services.AddSingleton<IAuthorizationHandler, GalleryHandler>();
        services.AddScoped<IUserClaimsPrincipalFactory<AppUser>, AppClaimsPrincipalFactory>();
    }
}
