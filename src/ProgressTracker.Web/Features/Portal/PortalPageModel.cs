namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// A portal page: the signed-in patient's own record, loaded and checked by the same page step as the clinic's
/// record pages (<see cref="RecordPageModel{T}"/>). There is no id in a portal URL, so there is nothing to guess;
/// an account without a linked record sees 404.
/// </summary>
public abstract class PortalPageModel(RecordAccess access) : RecordPageModel<Patient>(access)
{
    public Patient Patient => Record;

    /// <summary>The route carries no id: the record is the caller's own.</summary>
    protected override Task<Result<Patient>> LoadAsync(string id, string httpMethod, CancellationToken ct) =>
        Access.OwnPatientAsync(User, ct);
}
