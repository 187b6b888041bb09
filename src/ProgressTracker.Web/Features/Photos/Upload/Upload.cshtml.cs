using ProgressTracker.Imaging;

namespace ProgressTracker.Web.Features.Photos.Upload;

/// <summary>
/// Upload several photos to one visit. Without JavaScript: one file input per standardized view, posted here. With
/// it, upload.js swaps in a drop zone that sends each file to the API with its own progress and processing state.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Upload)]
public sealed class UploadModel(RecordAccess access, UploadPhotoHandler upload, ImageLimits limits, AppDbContext db)
    : VisitPageModel(access)
{
    public sealed record FileResult(string FileName, string ViewLabel, bool Accepted, string Message);

    /// <summary>The clinic's capture sequence: hips are documented from the front, back and both sides first.</summary>
    public IReadOnlyList<PhotoView> Views { get; } =
    [
        PhotoView.Front, PhotoView.Back, PhotoView.LeftLateral, PhotoView.RightLateral, PhotoView.LeftOblique,
        PhotoView.RightOblique,
    ];

    public List<FileResult> Results { get; } = [];
    /// <summary>Photos this visit already has per view, so nobody uploads a view twice by accident.</summary>
    public IReadOnlyDictionary<PhotoView, int> Existing { get; private set; } = new Dictionary<PhotoView, int>();
    public long MaxBytes => limits.MaxBytes;
    public long MaxMegabytes => limits.MaxBytes / (1024 * 1024);
    /// <summary>What the file pickers offer; the server still decides from the bytes.</summary>
    public const string AcceptedFiles = "image/*,.heic,.heif,.avif,.tif,.tiff";
    [TempData] public string? Flash { get; set; }

    /// <summary>Only staff who may edit the patient's record reach this page at all.</summary>
    protected override VisitOperation OperationFor(string httpMethod) => VisitOperation.AddPhotos;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadExistingAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var files = Request.HasFormContentType ? Request.Form.Files : new FormFileCollection();
        foreach (var file in files)
        {
            var view = file.Name.StartsWith("file-", StringComparison.Ordinal) ? file.Name[5..] : file.Name;
            var viewLabel = EnumNames.TryParse<PhotoView>(view, out var v) ? DisplayNames.Of(v) : view;
            await using var content = file.OpenReadStream();
            var result = await upload.HandleAsync(new UploadPhotoCommand(Visit, view, content, file.Length,
                file.FileName, CurrentUser.Id(User)), ct);
            Results.Add(result.Failed(out var rejection, out var uploaded)
                ? new FileResult(file.FileName, viewLabel, false, rejection.Detail)
                : new FileResult(file.FileName, viewLabel, true,
                    uploaded.AlreadyUploaded ? "already uploaded to this visit" : "uploaded; processing"));
        }
        if (Results.Count == 0)
        {
            Results.Add(new FileResult("No file", "—", false, "Choose at least one photo."));
            await LoadExistingAsync(ct);
            return Page();
        }
        if (Results.TrueForAll(r => r.Accepted))
        {
            Flash = $"{Results.Count} photo{(Results.Count == 1 ? "" : "s")} uploaded. Thumbnails appear as soon as processing finishes.";
            return Redirect($"/patients/{Visit.PatientId}");
        }
        await LoadExistingAsync(ct);
        return Page(); // some files were rejected: show every file's outcome, keep the accepted ones
    }

    private async Task LoadExistingAsync(CancellationToken ct) =>
        Existing = (await db.Photos.Where(p => p.VisitId == Visit.Id).Select(p => p.View).ToListAsync(ct))
            .GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
}
