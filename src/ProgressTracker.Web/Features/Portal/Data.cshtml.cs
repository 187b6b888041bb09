using System.Globalization;
using ProgressTracker.Web.Features.Portal.Archive;

namespace ProgressTracker.Web.Features.Portal;

/// <summary>
/// "My data": the patient prepares and downloads an archive of their own photos and visits (its progress followed
/// by my-data.js, or by reloading without scripts), and asks the clinic to delete their account — with the clinic's
/// retention rules shown first, a confirm step, and the clinic's decision and reason once made.
/// </summary>
/// <remarks>Rate-limited per account (posts only): each archive is a full copy of the patient's photos.</remarks>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Infrastructure.Hosting.RateLimitPolicies.Archive)]
public sealed class DataModel(RecordAccess access, ArchiveRequests archives, DeletionRequests deletions,
    PortalOptions options) : PortalPageModel(access)
{
    public const int MaxMessage = 2000;

    public PortalOptions Options => options;
    /// <summary>The newest archive, whatever its state; null before the first.</summary>
    public ArchiveDto? Current { get; private set; }
    public IReadOnlyList<ArchiveDto> Earlier { get; private set; } = [];
    public IReadOnlyList<DeletionRequest> Deletions { get; private set; } = [];
    public DeletionRequest? OpenDeletion => Deletions.FirstOrDefault(r => r.IsOpen);
    /// <summary>The second step of a deletion request: the patient sees what will happen and confirms.</summary>
    public bool Confirming { get; private set; }

    [BindProperty] public string? Message { get; set; }

    public bool InProgress => Current is { Status: DataArchiveStatus.Pending or DataArchiveStatus.Running };

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostArchiveAsync(CancellationToken ct)
    {
        await archives.RequestAsync(Patient, CurrentUser.Id(User), ct);
        return RedirectToPage(null, null, null, "archive");
    }

    public async Task<IActionResult> OnPostReviewDeletionAsync(CancellationToken ct)
    {
        if (Message?.Trim().Length > MaxMessage)
            ModelState.AddRejection(Rejection.Invalid($"The message can be at most {MaxMessage} characters long " +
                                                      $"(yours has {Message.Trim().Length}); shorten it and continue."));
        else
            Confirming = true;
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRequestDeletionAsync(CancellationToken ct)
    {
        if (Message?.Trim().Length > MaxMessage) return await OnPostReviewDeletionAsync(ct);
        var user = CurrentUser.Id(User) ?? throw new InvalidOperationException("A portal page without a signed-in user.");
        await deletions.RequestAsync(Patient.Id, user, Message, ct);
        return RedirectToPage(null, null, null, "delete");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var all = await archives.OfPatientAsync(Patient.Id, 20, ct);
        var shown = all.Select(a => ArchiveDto.From(a, archives.IsExpired(a))).ToList();
        Current = shown.FirstOrDefault();
        Earlier = shown.Skip(1).ToList();
        Deletions = await deletions.OfPatientAsync(Patient.Id, ct);
    }

    public static string When(DateTimeOffset? at) =>
        at is { } t ? t.UtcDateTime.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC" : "";

    public static string Photos(int count) => count == 1 ? "1 photo" : $"{count} photos";

    public static string Day(DateTimeOffset at) => at.UtcDateTime.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What an earlier archive's row says about it.</summary>
    public static string StateOf(ArchiveDto a) => a switch
    {
        { Status: DataArchiveStatus.Failed } => "Could not be prepared",
        { Expired: true } => $"Expired {Day(a.ExpiresAt!.Value)}",
        { Status: DataArchiveStatus.Ready } => $"Available until {When(a.ExpiresAt)}",
        _ => "Being prepared",
    };

    public static string DecisionOf(DeletionRequestStatus status) => status switch
    {
        DeletionRequestStatus.AccountClosed => "Account closed, records kept",
        DeletionRequestStatus.Declined => "Declined",
        _ => "Waiting for the clinic",
    };
}
