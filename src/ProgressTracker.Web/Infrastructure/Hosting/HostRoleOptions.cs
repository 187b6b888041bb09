namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>
/// Which parts of the app this process runs. One binary serves every role: a web process, any number of
/// worker processes sharing the same database, blob store and job storage, or both in one (the embedded default).
/// </summary>
public enum HostRole { All, Web, Worker }

public sealed class HostRoleOptions
{
    public const string Section = "Host";

    public HostRole Role { get; set; } = HostRole.All;

    public bool ServesPages => Role is HostRole.All or HostRole.Web;
    public bool RunsJobs => Role is HostRole.All or HostRole.Worker;
}
