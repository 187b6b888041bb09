using System.Text.Json;
using System.Text.Json.Serialization;
using ProgressTracker.Imaging;
using ProgressTracker.Web.Features.Admin;
using ProgressTracker.Web.Features.Alignment;
using ProgressTracker.Web.Features.Auth;
using ProgressTracker.Web.Features.Demo;
using ProgressTracker.Web.Features.Exports;
using ProgressTracker.Web.Features.Health;
using ProgressTracker.Web.Features.Marketing;
using ProgressTracker.Web.Features.Patients;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Features.PortalAccess;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;
using ProgressTracker.Web.Infrastructure.Hosting;

namespace ProgressTracker.Web;

/// <summary>
/// Builds the application for every entry point: the server (any role), the `users` command, and the tests, which
/// start it on real Kestrel with their own configuration arguments.
/// </summary>
public static class AppHost
{
    public enum Purpose { Serve, Command }

    public static WebApplication Build(string[] args, Purpose purpose = Purpose.Serve)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            // Tests host this assembly too: name it so Razor Pages and static assets are found in it.
            ApplicationName = typeof(AppHost).Assembly.GetName().Name,
        });
        NativeLibraries.EnsureImagingRuntime();
        NativeLibraries.ConfigureNativeHeap(builder.Configuration, builder.Services);
        // Outside a publish folder (dotnet run, tests), CSS and JS come from the project's wwwroot via the build's
        // static-asset manifest; in a published app there is no such manifest and this does nothing.
        builder.WebHost.UseStaticWebAssets();
        var config = builder.Configuration;
        if (string.IsNullOrEmpty(config["urls"]) && string.IsNullOrEmpty(config["ASPNETCORE_URLS"]))
            builder.WebHost.UseUrls("http://127.0.0.1:5080"); // loopback only unless told otherwise

        var services = builder.Services;
        var app = services.AddSettings<AppOptions>(config, AppOptions.Section);
        var role = services.AddSettings<HostRoleOptions>(config, HostRoleOptions.Section);
        if (purpose == Purpose.Command) role.Role = HostRole.Web; // a command never runs background jobs
        var limits = UploadLimits.From(config);
        services.AddSingleton(limits);
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddSingleton<IAuditTrail, DatabaseAuditTrail>();
        var database = services.AddAppData(config, app);
        services.AddBlobStorage(config, app);
        services.AddJobs(config, database, role, app);
        // "On by default outside the demo": the demo is whatever seeds the demo clinic (off unless asked for).
        services.AddAppIdentity(config, demo: config.GetValue("Demo:Seed", false));
        services.AddAccessRules();
        services.AddKeyProtection(config, database);
        services.AddAppRateLimits(config);
        services.AddDemoSeeding(config, database, purpose == Purpose.Serve);
        services.AddFeatureServices(role);
        services.AddAdminFeature(config);
        Features.Integrity.IntegrityFeature.AddIntegrityFeature(services, config, role);
        services.AddPortalFeature(config, role);
        services.AddPortalAccessFeature(config);
        services.AddMarketingFeature(config, role);
        Features.Measurements.MeasurementsFeature.AddMeasurementsFeature(services, config);
        services.AddAppHealthChecks(role);
        Infrastructure.Telemetry.TelemetryServices.AddAppTelemetry(services, config, role);
        services.AddProblemDetails();
        services.AddExceptionHandler<DependencyOutage>();
        services.AddOpenApi();
        services.AddRouting(o => o.LowercaseUrls = true);
        services.ConfigureHttpJsonOptions(o =>
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)));
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            AreaPolicies.Apply(o.Conventions);
        });
        builder.AddRequestLimits(limits);
        services.AddTransportSecurity(config);

        var web = builder.Build();
        // A command (`users add`, `audit verify`) serves nothing: mapping endpoints would only do work, and mapping the
        // jobs dashboard would point Hangfire's process-wide statics at a host that is about to be disposed.
        if (purpose == Purpose.Serve)
        {
            Pipeline.Configure(web, role);
            NativeLibraries.ReportPersonModel(web.Logger);
        }
        return web;
    }

    /// <summary>Migrates the database and seeds the demo clinic when enabled; call before starting.</summary>
    public static async Task InitializeAsync(WebApplication app, CancellationToken ct = default)
    {
        await DataServices.MigrateAsync(app.Services, ct);
        await DemoSeeder.SeedIfEnabledAsync(app.Services, ct);
    }

    private static void AddFeatureServices(this IServiceCollection services, HostRoleOptions role)
    {
        services.AddScopedEach(typeof(RecordAccess), typeof(UserAccounts), typeof(PatientSearch),
            typeof(CreatePatientHandler), typeof(CreateVisitHandler), typeof(TimelineQuery), typeof(ResponseShapes),
            typeof(Features.Consents.ConsentTexts), typeof(Features.Consents.ConsentRecords),
            typeof(Features.Consents.Document.ConsentDocuments), typeof(Features.Consents.ConsentCopies));
        services.AddPhotoFeature(role);
        services.AddAlignmentFeature();
        services.AddExportsFeature(role);
        services.AddAuditFeature();
    }

    internal static void MapApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/api/v1").RequireAuthorization(Policies.SignedIn);
        api.MapAuthEndpoints();
        api.MapPatientEndpoints();
        api.MapGroup("/patients/{id}/visits").WithTags("Visits").MapVisitEndpoints();
        api.MapPhotoEndpoints();
        api.MapTimelineEndpoints();
        api.MapAlignmentEndpoints();
        Features.Measurements.MeasurementEndpoints.MapMeasurementEndpoints(api);
        api.MapExportEndpoints();
        api.MapAuditEndpoints();
        api.MapAdminEndpoints();
        Features.Integrity.IntegrityFeature.MapIntegrityEndpoints(api);
        api.MapInvitationEndpoints();
        api.MapPortalEndpoints();
        Features.Consents.ConsentEndpoints.MapConsentEndpoints(api);
        Features.Consents.Document.ConsentFileEndpoints.MapConsentFileEndpoints(api);
        api.MapPatientInvitationEndpoints();
        api.MapMarketingEndpoints();
    }
}

/// <summary>Section "Uploads": limits checked before anything is stored or decoded.</summary>
public static class UploadLimits
{
    public static ImageLimits From(IConfiguration config)
    {
        var defaults = new ImageLimits();
        return new ImageLimits(
            config.GetValue("Uploads:MaxBytes", defaults.MaxBytes),
            config.GetValue("Uploads:MaxPixels", defaults.MaxPixels));
    }
}
