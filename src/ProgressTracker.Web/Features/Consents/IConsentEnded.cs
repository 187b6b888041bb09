namespace ProgressTracker.Web.Features.Consents;

/// <summary>
/// Told at once when a consent is withdrawn, so whatever it allowed stops (marketing withdraws the cases and
/// published pictures behind it). Expiries reach the same code through the marketing sweep.
/// </summary>
public interface IConsentEnded
{
    Task<int> ConsentEndedAsync(Consent consent, CancellationToken ct);
}
