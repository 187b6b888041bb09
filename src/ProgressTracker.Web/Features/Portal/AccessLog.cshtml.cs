namespace ProgressTracker.Web.Features.Portal;

/// <summary>"Who saw my photos": the patient's view of the audit trail, newest first, a page at a time.</summary>
public sealed class AccessLogModel(RecordAccess access, AccessLog log, PortalOptions portal) : PortalPageModel(access)
{
    private const int PageSize = 200;

    public IReadOnlyList<AccessLogDigest.Line> Lines { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool HasEarlier { get; private set; }
    public PortalOptions Portal => portal;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? page, CancellationToken ct)
    {
        PageNumber = Math.Clamp(page ?? 1, 1, AccessLogEndpoint.MaxPage);
        var (items, total) = await log.PageAsync(Patient, PageNumber, PageSize, ct);
        Lines = AccessLogDigest.Of(items);
        HasEarlier = total > PageNumber * PageSize;
        return Page();
    }
}
