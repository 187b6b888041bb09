using Microsoft.AspNetCore.Authorization;

namespace ProgressTracker.Web.Features.Access;

/// <summary>
/// Typed operations, one class per kind of resource, so a photo rule can never be asked about a patient by
/// mistake and the compiler lists every operation a handler must answer. Unknown operations are refused.
/// </summary>
public abstract class ResourceOperation(string name) : IAuthorizationRequirement
{
    public string Name { get; } = name;
    public override string ToString() => $"{GetType().Name}.{Name}";
}

public sealed class PatientOperation : ResourceOperation
{
    private PatientOperation(string name) : base(name) { }
    /// <summary>Read the record, its visits (without staff notes unless <see cref="ViewStaffNotes"/>) and timeline.</summary>
    public static readonly PatientOperation View = new(nameof(View));
    /// <summary>Change the record or add visits to it.</summary>
    public static readonly PatientOperation Edit = new(nameof(Edit));
    /// <summary>Clinical notes, lot numbers and other staff-only fields.</summary>
    public static readonly PatientOperation ViewStaffNotes = new(nameof(ViewStaffNotes));
    /// <summary>Make an export: a picture meant to leave the app (a disclosure).</summary>
    public static readonly PatientOperation Export = new(nameof(Export));
    /// <summary>Invite the patient to the portal (room for the patient portal).</summary>
    public static readonly PatientOperation Invite = new(nameof(Invite));
}

public sealed class VisitOperation : ResourceOperation
{
    private VisitOperation(string name) : base(name) { }
    public static readonly VisitOperation View = new(nameof(View));
    public static readonly VisitOperation Edit = new(nameof(Edit));
    public static readonly VisitOperation AddPhotos = new(nameof(AddPhotos));
}

public sealed class PhotoOperation : ResourceOperation
{
    private PhotoOperation(string name) : base(name) { }
    /// <summary>Read the photo's record (status, alignment, links).</summary>
    public static readonly PhotoOperation View = new(nameof(View));
    /// <summary>Change its alignment or make it a baseline.</summary>
    public static readonly PhotoOperation Edit = new(nameof(Edit));
}

/// <summary>Bytes of one rendering of a photo; the resource is a <see cref="PhotoMedia"/>.</summary>
public sealed class MediaOperation : ResourceOperation
{
    private MediaOperation(string name) : base(name) { }
    public static readonly MediaOperation Read = new(nameof(Read));
}

public sealed class ExportOperation : ResourceOperation
{
    private ExportOperation(string name) : base(name) { }
    public static readonly ExportOperation View = new(nameof(View));
    public static readonly ExportOperation Download = new(nameof(Download));
}

/// <summary>A patient's consent record (Domain/Consent.cs).</summary>
public sealed class ConsentOperation : ResourceOperation
{
    private ConsentOperation(string name) : base(name) { }
    /// <summary>Read the consent and the text signed.</summary>
    public static readonly ConsentOperation View = new(nameof(View));
    /// <summary>Make this consent: the patient signs on screen; staff record a signed paper form.</summary>
    public static readonly ConsentOperation Record = new(nameof(Record));
    /// <summary>Withdraw it: the patient, or staff recording a withdrawal received on paper.</summary>
    public static readonly ConsentOperation Revoke = new(nameof(Revoke));
    /// <summary>Attach the scan of a signed paper form (staff), which makes a paper consent active.</summary>
    public static readonly ConsentOperation AttachForm = new(nameof(AttachForm));
    /// <summary>See the scan of a signed paper form (staff; the patient has the signed PDF instead).</summary>
    public static readonly ConsentOperation ViewForm = new(nameof(ViewForm));
}

/// <summary>Which rendering of a photo is asked for; originals may carry metadata (GPS, camera serial).</summary>
public enum MediaVariant { Thumb, Display, Aligned, AlignedThumb, Original }

public sealed record PhotoMedia(Photo Photo, MediaVariant Variant);

/// <summary>A marketing case: a de-identified before/after picture (Domain/MarketingCase.cs).</summary>
public sealed class CaseOperation : ResourceOperation
{
    private CaseOperation(string name) : base(name) { }
    /// <summary>See the case and its picture: marketing, and staff who approve galleries.</summary>
    public static readonly CaseOperation View = new(nameof(View));
    /// <summary>Change crop, blur, caption or watermark (a new rendering, a new approval).</summary>
    public static readonly CaseOperation Edit = new(nameof(Edit));
    /// <summary>Save the picture as a file: a copy leaves the app and goes on the takedown list if withdrawn.</summary>
    public static readonly CaseOperation Download = new(nameof(Download));
    /// <summary>The patient approves or declines the exact picture before publication.</summary>
    public static readonly CaseOperation Review = new(nameof(Review));
}

/// <summary>A gallery of cases for the clinic's website (Domain/Gallery.cs).</summary>
public sealed class GalleryOperation : ResourceOperation
{
    private GalleryOperation(string name) : base(name) { }
    public static readonly GalleryOperation View = new(nameof(View));
    /// <summary>Rename, add or remove cases, submit for approval.</summary>
    public static readonly GalleryOperation Edit = new(nameof(Edit));
    /// <summary>Publish: a second person, an admin or clinician who did not submit it.</summary>
    public static readonly GalleryOperation Approve = new(nameof(Approve));
}
