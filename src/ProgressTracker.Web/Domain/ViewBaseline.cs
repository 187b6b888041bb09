namespace ProgressTracker.Web.Domain;

/// <summary>
/// A clinician's choice of baseline photo for one view of one patient. Without a row the baseline is the earliest
/// Ready photo of the view (see <c>BaselineResolver</c>).
/// </summary>
public sealed class ViewBaseline : PatientRecord
{
    public PhotoView View { get; init; }
    public Guid PhotoId { get; set; }
    public Guid? ChosenByUserId { get; set; }
    public DateTimeOffset ChosenAt { get; set; }
}
