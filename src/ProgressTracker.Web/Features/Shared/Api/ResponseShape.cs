using Microsoft.AspNetCore.Authorization;
using ProgressTracker.Web.Features.Photos;
using ProgressTracker.Web.Features.Portal;
using ProgressTracker.Web.Features.Timeline;
using ProgressTracker.Web.Features.Visits;

namespace ProgressTracker.Web.Features.Shared.Api;

/// <summary>
/// Which fields of a patient's records a caller gets: staff the whole record; a patient the patient-shaped one —
/// no clinical notes, no lot numbers, no links to originals, and the note written for them and their measurements
/// only when the clinic's settings show them. The API and the portal pages shape through here, so they cannot disagree.
/// </summary>
public sealed record ResponseShape(bool StaffFields, bool Originals, bool PatientNotes, bool Measurements = true)
{
    public VisitDto Visit(VisitDto visit) => StaffFields ? visit : visit.WithoutStaffFields(PatientNotes);

    public PhotoDto Photo(PhotoDto photo)
    {
        var shaped = Originals ? photo : photo.WithoutOriginal();
        return Measurements ? shaped : shaped with { Measurements = null };
    }

    public TimelineDto Timeline(TimelineDto timeline) => timeline with
    {
        Visits = timeline.Visits.Select(Visit).ToList(),
        Views = timeline.Views.Select(row => row with
        {
            Visits = row.Visits.Select(cell => new TimelineVisitDto(Visit(cell.Visit), cell.Photos.Select(Photo).ToList()))
                .ToList(),
        }).ToList(),
    };
}

/// <summary>Finds the <see cref="ResponseShape"/> for a caller and a patient, through the access rules.</summary>
public sealed class ResponseShapes(IAuthorizationService auth, PortalOptions portal)
{
    public async Task<ResponseShape> ForAsync(ClaimsPrincipal user, Patient patient) => new(
        (await auth.AuthorizeAsync(user, patient, PatientOperation.ViewStaffNotes)).Succeeded,
        MediaHandler.MayReadOriginals(Caller.From(user)),
        portal.ShowVisitNotes,
        MeasurementsFor(user));

    /// <summary>The photo fields for a caller already allowed to read the photo (no visit fields are involved).</summary>
    public ResponseShape ForPhoto(ClaimsPrincipal user) =>
        new(false, MediaHandler.MayReadOriginals(Caller.From(user)), portal.ShowVisitNotes, MeasurementsFor(user));

    /// <summary>Patients see their measurements only where the clinic shows them in the portal.</summary>
    private bool MeasurementsFor(ClaimsPrincipal user) => !Caller.From(user).IsPatient || portal.ShowMeasurements;
}
