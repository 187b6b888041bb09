using Microsoft.AspNetCore.Mvc.Filters;
using ProgressTracker.Web.Features.Access;

namespace ProgressTracker.Web.Features.Shared.Pages;

/// <summary>
/// The page side of the load-and-authorize step: before any handler runs, the record named by the route is loaded
/// through <see cref="RecordAccess"/> and checked; a refusal of any kind is a 404, so a page never confirms that a
/// record it will not show exists.
/// </summary>
public abstract class RecordPageModel<T>(RecordAccess access, string routeKey = "id") : PageModel where T : class
{
    /// <summary>The checked record; set before any handler runs.</summary>
    protected T Record { get; private set; } = null!;

    protected RecordAccess Access { get; } = access;

    protected abstract Task<Result<T>> LoadAsync(string id, string httpMethod, CancellationToken ct);

    protected static bool IsRead(string httpMethod) => HttpMethods.IsGet(httpMethod) || HttpMethods.IsHead(httpMethod);

    public override async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context,
        PageHandlerExecutionDelegate next)
    {
        var id = RouteData.Values[routeKey]?.ToString() ?? "";
        var found = await LoadAsync(id, Request.Method, HttpContext.RequestAborted);
        if (found.Failed(out _, out var record))
        {
            context.Result = NotFound();
            return;
        }
        Record = record;
        await next();
    }
}

/// <summary>A page about one patient (route <c>{id}</c>). By default reading needs View and posting needs Edit.</summary>
public abstract class PatientPageModel(RecordAccess access) : RecordPageModel<Patient>(access)
{
    public Patient Patient => Record;

    protected virtual PatientOperation OperationFor(string httpMethod) =>
        IsRead(httpMethod) ? PatientOperation.View : PatientOperation.Edit;

    protected override Task<Result<Patient>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.PatientAsync(id, User, OperationFor(httpMethod), ct);
}

/// <summary>A page about one visit (route <c>{visitId}</c>).</summary>
public abstract class VisitPageModel(RecordAccess access) : RecordPageModel<Visit>(access, "visitId")
{
    public Visit Visit => Record;

    protected virtual VisitOperation OperationFor(string httpMethod) =>
        IsRead(httpMethod) ? VisitOperation.View : VisitOperation.Edit;

    protected override Task<Result<Visit>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.VisitAsync(id, User, OperationFor(httpMethod), ct);
}
