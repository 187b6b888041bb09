using System.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ProgressTracker.Benchmarks;

/// <summary>
/// Replaces services of one app build without a hook in the app: the generic host announces "HostBuilding" on the
/// "Microsoft.Extensions.Hosting" diagnostic source before it creates its service provider (as the tests'
/// ServiceOverrides do); registrations added then come after the app's own, so they win.
/// </summary>
internal static class HostBuildHook
{
    private static readonly AsyncLocal<Action<IServiceCollection>?> Pending = new();
    private static readonly IDisposable Subscription = DiagnosticListener.AllListeners.Subscribe(new Listeners());

    public static WebApplication Build(Func<WebApplication> build, Action<IServiceCollection> configure)
    {
        GC.KeepAlive(Subscription);
        Pending.Value = configure;
        try
        {
            return build();
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
