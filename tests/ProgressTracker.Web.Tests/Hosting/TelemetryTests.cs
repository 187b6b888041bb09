using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net.Http.Json;
using Microsoft.Extensions.Logging;
using ProgressTracker.Web.Infrastructure.Telemetry;
using ProgressTracker.Web.Tests.Support;

namespace ProgressTracker.Web.Tests.Hosting;

/// <summary>
/// The app's meter and activity source, read by a real MeterListener and ActivityListener in this process while the
/// real app (in-process, embedded default) takes an upload and processes it; and the logs of the same work, which
/// must not carry the patient's name, an e-mail address or the original file name.
/// </summary>
[Trait(Tier.Name, Tier.Fast)]
public sealed class TelemetryTests
{
    [Fact]
    public async Task An_upload_is_counted_timed_and_its_processing_traced()
    {
        await using var app = await TestApp.StartAsync(StorageMode.Embedded);
        var factory = app.Services.GetRequiredService<IMeterFactory>();
        var measurements = new ConcurrentQueue<(string Name, double Value, Dictionary<string, object?> Tags)>();
        using var meters = new MeterListener();
        meters.InstrumentPublished = (instrument, listener) =>
        {
            // This app's meter only: other tests' apps in this process have their own.
            if (instrument.Meter.Name == AppTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, factory))
                listener.EnableMeasurementEvents(instrument);
        };
        meters.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        meters.Start();
        var activities = new ConcurrentQueue<Activity>();
        using var tracing = new ActivityListener
        {
            ShouldListenTo = s => s.Name == AppTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activities.Enqueue,
        };
        ActivitySource.AddActivityListener(tracing);

        var api = await ApiClient.SignInAsync(app);
        var patient = (await api.CreatePatientAsync()).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        var jpeg = TestImages.Jpeg(600, 800, seed: 7);
        var photo = await api.UploadReadyAsync(visit, jpeg, "front");

        Assert.Contains(measurements, m => m.Name == "progresstracker.uploads" && m.Value == 1 && Equals(m.Tags["outcome"], "accepted"));
        Assert.Contains(measurements, m => m.Name == "progresstracker.upload.size" && m.Value == jpeg.Length);
        Assert.Contains(measurements, m => m.Name == "progresstracker.upload.duration" && m.Value > 0);
        await Eventually.Async(() => Task.FromResult(measurements.ToList()),
            list => list.Any(m => m.Name == "progresstracker.photo_job.duration" && Equals(m.Tags["step"], "process")
                                  && Equals(m.Tags["outcome"], "ready") && m.Value > 0),
            "a duration for the process step");
        var process = await Eventually.Async(
            () => Task.FromResult(activities.FirstOrDefault(a => a.OperationName == "photo process" && Equals(a.GetTagItem("photo.id"), Guid.Parse(photo)))),
            a => a is not null, "the process step's activity");
        Assert.Equal("ready", process!.GetTagItem("outcome"));

        // The queue depth gauges answer from Hangfire's monitoring API.
        meters.RecordObservableInstruments();
        Assert.Contains(measurements, m => m.Name == "progresstracker.jobs.processing");
        // No tag is a patient's id.
        Assert.DoesNotContain(measurements, m => m.Tags.Values.Any(v => v?.ToString() == patient));
    }

    [Fact]
    public async Task Logs_of_an_upload_its_processing_and_a_new_patient_hold_no_name_email_or_file_name()
    {
        var logs = new CapturedLogs();
        await using var app = await TestApp.StartAsync(StorageMode.Embedded,
            services: s => s.AddSingleton<ILoggerProvider>(logs),
            extraSettings: ["--Logging:LogLevel:Default=Debug"]);
        var api = await ApiClient.SignInAsync(app);
        const string name = "Zelda Quintanilla-Fairweather";
        using var created = await api.Http.PostAsJsonAsync("/api/v1/patients",
            new { displayName = name, recordNumber = "R-4711", dateOfBirth = "1990-05-01" });
        Assert.Equal(System.Net.HttpStatusCode.Created, created.StatusCode);
        var patient = (await created.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        var visit = (await api.CreateVisitAsync(patient)).GetProperty("id").GetString()!;
        const string fileName = "zelda-quintanilla-hips.jpg";
        using var upload = await api.UploadAsync(visit, TestImages.Jpeg(600, 800, seed: 9), "front", fileName);
        var photo = (await upload.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetString()!;
        Assert.Equal("ready", (await api.WaitUntilSettledAsync(photo)).GetProperty("status").GetString());

        var text = logs.Text();
        Assert.Contains(photo, text); // the capture works: the upload and processing were logged
        Assert.DoesNotContain("Quintanilla", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Zelda", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(fileName, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(TestApp.ClinicianEmail, text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"[\w.+-]+@[\w-]+\.[a-z]{2,}", text); // no e-mail address of anyone
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var d = new Dictionary<string, object?>();
        foreach (var t in tags) d[t.Key] = t.Value;
        return d;
    }

    /// <summary>Every log entry of the app, formatted with its arguments and any exception.</summary>
    private sealed class CapturedLogs : ILoggerProvider, ILogger
    {
        private readonly ConcurrentQueue<string> _entries = new();
        public string Text() => string.Join("\n", _entries);
        public ILogger CreateLogger(string categoryName) => this;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel level, EventId id, TState state, Exception? e, Func<TState, Exception?, string> format)
        {
            var args = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            _entries.Enqueue($"{level} {format(state, e)} {args} {e}");
        }
        public void Dispose() { }
    }
}
