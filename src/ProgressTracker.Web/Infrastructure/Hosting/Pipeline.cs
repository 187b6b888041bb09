using ProgressTracker.Web.Features.Marketing;
using ProgressTracker.Web.Features.Health;
using ProgressTracker.Web.Features.Admin;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>The HTTP pipeline. API errors are ProblemDetails; page errors are a friendly page.</summary>
public static class Pipeline
{
    public static void Configure(WebApplication app, HostRoleOptions role)
    {
        app.UseTransportSecurity();
        app.UseWhen(IsApi, api =>
        {
            api.UseNoStoreByDefault();
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        app.UseWhen(ctx => !IsApi(ctx), pages =>
        {
            pages.UseExceptionHandler("/error");
            pages.UseStatusCodePagesWithReExecute("/error", "?status={0}");
        });
        app.UseMiddleware<SecurityHeaders>();
        app.UseMiddleware<DeniedRequestAudit>(); // outside routing and auth, so it sees the final status
        app.UseRouting();
        // After authentication, so a policy can count per account (archives); before the account checks, which may
        // read the database.
        app.UseAuthentication();
        app.UseRateLimiter();
        app.UseMiddleware<AccountChecks>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapAppHealth();
        if (!role.ServesPages) return; // a worker process answers /health (and /health/details) only

        app.MapStaticAssets();
        app.MapOpenApi().AllowAnonymous();
        app.MapApi();
        app.MapPublicGalleryEndpoints();
        app.MapRazorPages().WithStaticAssets();
        app.MapJobsDashboard();
    }

    private static bool IsApi(HttpContext ctx) => ctx.Request.Path.StartsWithSegments("/api");
}

/// <summary>Medical photos: no sniffing, no referrer (media links may carry signatures), a tight CSP.</summary>
public sealed class SecurityHeaders(RequestDelegate next, StorageOptions storage)
{
    private readonly string _csp =
        "default-src 'self'; img-src 'self' data: blob:" + BlobOrigin(storage) +
        "; style-src 'self'; script-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; " +
        "form-action 'self'";

    public Task InvokeAsync(HttpContext ctx)
    {
        var headers = ctx.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = _csp;
        return next(ctx);
    }

    /// <summary>Images may be redirected to the blob service's origin (SAS links), so the CSP must allow it.</summary>
    public static string BlobOrigin(StorageOptions storage)
    {
        if (storage.Provider != StorageProvider.AzureBlob) return "";
        if (!string.IsNullOrWhiteSpace(storage.AzureServiceUri))
            return Uri.TryCreate(storage.AzureServiceUri, UriKind.Absolute, out var service)
                ? " " + service.GetLeftPart(UriPartial.Authority)
                : "";
        if (storage.AzureConnectionString is null) return "";
        try
        {
            var uri = new Azure.Storage.Blobs.BlobServiceClient(storage.AzureConnectionString).Uri;
            return " " + uri.GetLeftPart(UriPartial.Authority);
        }
        catch (FormatException)
        {
            return "";
        }
    }
}
