namespace ProgressTracker.Web.Domain;

/// <summary>The standardized camera positions of a hip-profile photo series.</summary>
public enum PhotoView
{
    Front,
    Back,
    LeftLateral,
    RightLateral,
    LeftOblique,
    RightOblique,
}
