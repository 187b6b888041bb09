using System.Globalization;
using ProgressTracker.Web.Features.Patients;

namespace ProgressTracker.Web.Features.Audit;

/// <summary>The trail for admins: a filtered, paged list (newest first) and the chain check.</summary>
public static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/admin/audit").WithTags("Audit").RequireAuthorization(Policies.Admin);
        group.MapGet("", ListAsync).WithSummary("Audit entries, newest first; filter by actor, patient, action and time.");
        group.MapGet("/verify", VerifyAsync).WithSummary("Walk the hash chain; the first broken sequence, if any.");
    }

    private static async Task<Results<Ok<PagedList<AuditEntryDto>>, ProblemHttpResult>> ListAsync(AuditQuery query,
        CancellationToken ct, Guid? actorId = null, Guid? patientId = null, string? action = null, string? from = null,
        string? to = null, int page = 1, int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > 500)
            return Rejection.Invalid("page starts at 1 and pageSize must be between 1 and 500.").ToProblem();
        if (!TryParseTime(from, endOfDay: false, out var start) || !TryParseTime(to, endOfDay: true, out var end))
            return Rejection.Invalid("from and to are dates (2026-03-12) or ISO 8601 times.").ToProblem();
        var (items, total) = await query.PageAsync(new AuditFilter(actorId, patientId, action, start, end), page,
            pageSize, ct);
        return TypedResults.Ok(new PagedList<AuditEntryDto>(items.Select(AuditEntryDto.From).ToList(), total));
    }

    private static async Task<Ok<AuditVerificationDto>> VerifyAsync(AuditVerifier verifier, IAuditTrail audit,
        CancellationToken ct)
    {
        var result = await verifier.VerifyAsync(ct);
        await audit.RecordAsync(AuditEvents.Verified(result, "api"), ct);
        return TypedResults.Ok(new AuditVerificationDto(result.Ok, result.Checked, result.FirstBrokenSequence));
    }

    /// <summary>
    /// A date alone means the whole day in UTC: as <c>from</c> its start, as <c>to</c> the start of the next day
    /// (the bound is exclusive), so from=to=2026-03-12 is that one day.
    /// </summary>
    public static bool TryParseTime(string? raw, bool endOfDay, out DateTimeOffset? time)
    {
        time = null;
        if (string.IsNullOrWhiteSpace(raw)) return true;
        if (DateOnly.TryParseExact(raw, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            time = new DateTimeOffset(day.AddDays(endOfDay ? 1 : 0).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return true;
        }
        if (!DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            return false;
        time = at.ToUniversalTime(); // stored times are UTC; the SQLite column compares as UTC ticks
        return true;
    }
}

public sealed record AuditVerificationDto(bool Ok, long Checked, long? FirstBrokenSequence);
