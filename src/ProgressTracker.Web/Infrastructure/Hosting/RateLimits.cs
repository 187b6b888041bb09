using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>The named rate-limit policies; endpoints and pages opt in with these names.</summary>
public static class RateLimitPolicies
{
    /// <summary>Password sign-in (page and API). Account lockout stops guessing one account; this stops spraying many.</summary>
    public const string Login = "login";
    public const string Refresh = "refresh";
    /// <summary>Accepting an invitation (anonymous, token in the link): for `/invite/{token}` and its API.</summary>
    public const string Invitation = "invitation";
    /// <summary>Photo uploads (page and API): each one costs storage and a processing job.</summary>
    public const string Upload = "upload";
    /// <summary>A patient's "download my data" archive (page and API): each one is a full copy of their photos. Counted
    /// per account, not per address, and per hour.</summary>
    public const string Archive = "archive";
}

/// <summary>
/// Section "RateLimits": one fixed window per policy and client IP, e.g. <c>RateLimits:Login:PermitLimit</c> and
/// <c>RateLimits:Login:Window</c>. Only requests that change something count (a GET of the login page does not).
/// Over the limit: 429 with Retry-After, as ProblemDetails under /api.
/// </summary>
public static class RateLimits
{
    public const string Section = "RateLimits";

    public sealed class Limit
    {
        public int PermitLimit { get; set; }
        public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
    }

    /// <summary>Generous for people behind one clinic address, tight enough to make guessing slow.</summary>
    private static readonly Dictionary<string, (int Permits, TimeSpan Window, bool PerAccount)> Defaults = new()
    {
        [RateLimitPolicies.Login] = (40, TimeSpan.FromMinutes(1), false),
        [RateLimitPolicies.Refresh] = (60, TimeSpan.FromMinutes(1), false),
        [RateLimitPolicies.Invitation] = (10, TimeSpan.FromMinutes(1), false),
        [RateLimitPolicies.Upload] = (300, TimeSpan.FromMinutes(1), false),
        [RateLimitPolicies.Archive] = (5, TimeSpan.FromHours(1), true),
    };

    public static void AddAppRateLimits(this IServiceCollection services, IConfiguration config)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            foreach (var (policy, (permits, window, perAccount)) in Defaults)
            {
                var section = config.GetSection($"{Section}:{Capitalized(policy)}");
                var limit = section.Get<Limit>() ?? new Limit();
                if (limit.PermitLimit <= 0) limit.PermitLimit = permits;
                if (section["Window"] is null) limit.Window = window;
                o.AddPolicy(policy, ctx => HttpMethods.IsGet(ctx.Request.Method) || HttpMethods.IsHead(ctx.Request.Method)
                    ? RateLimitPartition.GetNoLimiter("read")
                    : RateLimitPartition.GetFixedWindowLimiter(
                        perAccount && CurrentUser.Id(ctx.User) is { } account ? $"account:{account}"
                            : ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                        _ => new FixedWindowRateLimiterOptions
                        {
                            PermitLimit = limit.PermitLimit,
                            Window = limit.Window,
                            QueueLimit = 0,
                        }));
            }
        });
    }

    private static string Capitalized(string policy) => char.ToUpperInvariant(policy[0]) + policy[1..];

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        if (!http.Request.Path.StartsWithSegments("/api")) return; // pages: the status page says "try again later"
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"Too many requests from this address; try again in {seconds} seconds.",
            },
        });
    }
}
