using System.Diagnostics;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// The one way tests wait for background work: poll a probe until its value is what the test waits for, or fail
/// with what was awaited and the last value seen. The timeout is functional (work that never finishes), not a
/// performance assertion; time is measured on a monotonic stopwatch, never the wall clock.
/// </summary>
public static class Eventually
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="probe"/> until <paramref name="done"/> holds and returns that value.</summary>
    /// <param name="what">What is awaited, for the failure message: "photo 123 ready".</param>
    public static async Task<T> Async<T>(Func<Task<T>> probe, Func<T, bool> done, string what,
        TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        var limit = timeout ?? DefaultTimeout;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (clock.Elapsed > limit)
                Assert.Fail($"Waited {limit.TotalSeconds:0} s for {what}; last seen: {Describe(value)}");
            await Task.Delay(interval ?? DefaultInterval);
        }
    }

    /// <summary>Polls until the condition holds.</summary>
    public static Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null,
        TimeSpan? interval = null) =>
        Async(condition, ok => ok, what, timeout, interval);

    private static string Describe<T>(T value)
    {
        var text = value?.ToString() ?? "null";
        return text.Length > 500 ? text[..500] + "…" : text;
    }
}
