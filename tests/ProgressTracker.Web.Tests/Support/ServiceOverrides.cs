using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// Lets a test replace services of the app it starts (a <c>FakeTimeProvider</c> for the clock) without a hook in
/// the app: the generic host announces every build on the "Microsoft.Extensions.Hosting" diagnostic source before
/// it creates the service provider, as WebApplicationFactory relies on, and registrations added then come after the
/// app's own, so they win. The overrides travel in an AsyncLocal, so only the build that asked for them sees them.
/// </summary>
internal static class ServiceOverrides
{
    private static readonly AsyncLocal<Action<IServiceCollection>?> Pending = new();
    private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners());

    /// <summary>Builds the app with <paramref name="configure"/> applied after its own service registrations.</summary>
    public static WebApplication Build(Func<WebApplication> build, Action<IServiceCollection>? configure)
    {
        GC.KeepAlive(Subscription);
        if (configure is null) return build();
        var applied = false;
        Pending.Value = services =>
        {
            configure(services);
            applied = true;
        };
        try
        {
            var app = build();
            if (!applied) throw new InvalidOperationException("The host was built without announcing itself; the service overrides were not applied.");
            return app;
        }
        finally
        {
            Pending.Value = null;
        }
    }

    private sealed class Listeners : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.Extensions.Hosting") listener.Subscribe(new HostEvents());
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }

    private sealed class HostEvents : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> e)
        {
            if (e.Key == "HostBuilding" && e.Value is IHostBuilder builder && Pending.Value is { } configure)
                builder.ConfigureServices((_, services) => configure(services));
        }

        public void OnCompleted() { }
        public void OnError(Exception error) { }
    }
}
