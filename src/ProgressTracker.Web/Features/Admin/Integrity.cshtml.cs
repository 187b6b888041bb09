using ProgressTracker.Web.Features.Integrity;

namespace ProgressTracker.Web.Features.Admin;

/// <summary>
/// Storage integrity for admins: the findings the checks keep (open first, resolved below), the last check, and
/// "Check now", which runs a full check with the usual random sample and comes back with what it found.
/// </summary>
public sealed class IntegrityModel(IntegrityOverview overview, IntegrityCheck check, IntegrityOptions options)
    : PageModel
{
    public IntegrityOverviewData Data { get; private set; } = new([], [], 0, null);
    public TimeSpan Interval => options.CheckInterval;
    public bool Periodic => options.Enabled;

    [TempData] public string? Done { get; set; }

    public async Task OnGetAsync(CancellationToken ct) => Data = await overview.LoadAsync(ct);

    public async Task<IActionResult> OnPostCheckAsync(CancellationToken ct)
    {
        var (report, outcome) = await check.RunAndRecordAsync(null, "admin", ct);
        Done = $"Check finished: looked for {Count(report.ReferencesChecked, "file")} of {Count(report.RowsChecked, "record")}, " +
               $"re-hashed {Count(report.OriginalsHashed, "original")}. " +
               (outcome.Open == 0 ? "Everything checked out." : $"{Count(outcome.Open, "open finding")}, {outcome.New} new.") +
               (outcome.Resolved > 0 ? $" {Count(outcome.Resolved, "finding")} resolved." : "");
        return RedirectToPage();
    }

    public static string Count(int n, string noun) => $"{n:N0} {noun}{(n == 1 ? "" : "s")}";

    public static string When(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'");

    public static string Every(TimeSpan interval) => interval.TotalHours % 1 == 0
        ? (interval.TotalHours == 1 ? "every hour" : $"every {interval.TotalHours:N0} hours")
        : $"every {Count((int)Math.Max(1, interval.TotalMinutes), "minute")}";
}
