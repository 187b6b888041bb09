namespace ProgressTracker.Web.Features.Portal.Archive;

/// <summary>
/// The caller's own patient record for the /me API: a patient account with a linked record, checked like any other
/// read of that record. Staff, marketing and unlinked accounts have no "me" record here, so they get 404 (not 400 or
/// 403): the /me routes reveal nothing to them.
/// </summary>
public static class OwnPatient
{
    public static async Task<Result<Patient>> OfAsync(RecordAccess access, ClaimsPrincipal user, string what,
        CancellationToken ct)
    {
        var caller = Caller.From(user);
        if (!caller.IsPatient || caller.PatientId is not { } own) return NotFound(what);
        var found = await access.PatientAsync(own.ToString(), user, PatientOperation.View, ct);
        return found.Failed(out _, out var patient) ? NotFound(what) : patient;
    }

    private static Rejection NotFound(string what) =>
        new(RejectionKind.NotFound, "Not found",
            $"There is no {what} here: only a patient account linked to its own record has one.");
}
