using System.Diagnostics.CodeAnalysis;

namespace ProgressTracker.Web.Features.Shared.Outcomes;

/// <summary>
/// A value or the <see cref="Rejection"/> that stopped it. Either converts implicitly, so a handler simply returns
/// one or the other; callers branch once with <see cref="Failed"/>.
/// </summary>
public readonly struct Result<T> where T : class
{
    private readonly T? _value;
    private readonly Rejection? _rejection;

    private Result(T? value, Rejection? rejection)
    {
        _value = value;
        _rejection = rejection;
    }

    public static implicit operator Result<T>(T value) => new(value ?? throw new ArgumentNullException(nameof(value)), null);

    public static implicit operator Result<T>(Rejection rejection) => new(null, rejection);

    public bool Failed([NotNullWhen(true)] out Rejection? rejection, [NotNullWhen(false)] out T? value)
    {
        // default(Result<T>) has neither: that is a bug in the caller, not a refusal to show.
        rejection = _rejection ?? (_value is null ? throw new InvalidOperationException("An empty result.") : null);
        value = _value;
        return rejection is not null;
    }
}
