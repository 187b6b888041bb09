using ProgressTracker.Web.Features.Timeline;

namespace ProgressTracker.Web.Features.Progression;

/// <summary>
/// Every visit of one view as a player and a filmstrip, for the clinic and the patient portal alike.
/// <paramref name="FrameHref"/> is where a frame leads without scripts (the clinic's photo page, the patient's compare).
/// </summary>
public sealed record ProgressionView(ViewFrameSet Set, bool ForPatient, Func<ViewFrame, string> FrameHref);
