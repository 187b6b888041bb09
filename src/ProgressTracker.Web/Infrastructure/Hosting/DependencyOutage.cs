using System.Net.Sockets;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// A request that fails because the database or the blob store is not answering (a restart, a failover, a network
/// blip) is answered 503 with Retry-After, never 500: the client did nothing wrong and may send it again. Uploads are
/// safe to resend: the same bytes to the same visit are recognised, and a blob stored before the database failed is
/// deleted on the spot or by the orphan sweep.
/// </summary>
public sealed class DependencyOutage(IProblemDetailsService problems, ILogger<DependencyOutage> log) : IExceptionHandler
{
    public const int RetryAfterSeconds = 10;

    public async ValueTask<bool> TryHandleAsync(HttpContext ctx, Exception exception, CancellationToken ct)
    {
        if (!IsOutage(exception)) return false;
        log.LogWarning("{Method} {Path} answered 503: a dependency is not answering ({Error})",
            ctx.Request.Method, ctx.Request.Path, exception.GetType().Name);
        ctx.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        ctx.Response.Headers.RetryAfter = RetryAfterSeconds.ToString();
        // Pages fall through to the friendly error page, which reads the status; the API gets problem details.
        if (!ctx.Request.Path.StartsWithSegments("/api")) return false;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = ctx,
            Exception = exception,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Temporarily unavailable",
                Detail = $"A service the app depends on is not answering. Send the request again in {RetryAfterSeconds} " +
                         "seconds; anything already saved is kept, and an upload sent twice is stored once.",
            },
        });
    }

    /// <summary>Connection-level failures of PostgreSQL or the blob service, however deeply wrapped.</summary>
    public static bool IsOutage(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case NpgsqlException npgsql when npgsql.IsTransient:
                case Azure.RequestFailedException { Status: 0 or 408 or 500 or 502 or 503 or 504 }:
                case HttpRequestException:
                case SocketException:
                case TimeoutException:
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsOutage):
                    return true;
            }
        }
        return false;
    }
}
