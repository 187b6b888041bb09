namespace ProgressTracker.Web.Features.Audit;

public static class AuditFeature
{
    /// <summary>
    /// The sealer runs in every serving process, web or worker (entries come from both); a command builds the host
    /// without running it, so no sealer runs there.
    /// </summary>
    public static void AddAuditFeature(this IServiceCollection services)
    {
        services.AddSingleton<AuditSealer>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditSealer>());
        services.AddSingleton<AuditWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<AuditWriter>());
        services.AddSingleton<AuditChainStatus>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<AuditQuery>();
    }
}
