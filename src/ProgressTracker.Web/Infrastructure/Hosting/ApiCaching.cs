namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// API answers carry patient records: no cache, private or shared, may keep them. A handler that knows better (the
/// media endpoint's revalidated photos, export downloads) sets its own Cache-Control, which is left alone.
/// </summary>
public static class ApiCaching
{
    public static IApplicationBuilder UseNoStoreByDefault(this IApplicationBuilder app) => app.Use((ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            if (string.IsNullOrEmpty(ctx.Response.Headers.CacheControl)) ctx.Response.Headers.CacheControl = "no-store";
            return Task.CompletedTask;
        });
        return next(ctx);
    });
}
