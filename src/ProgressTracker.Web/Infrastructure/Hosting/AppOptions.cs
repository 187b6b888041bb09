namespace ProgressTracker.Web.Infrastructure.Hosting;

/// <summary>Section "App": where the embedded default keeps its files.</summary>
public sealed class AppOptions
{
    public const string Section = "App";

    /// <summary>Relative paths are resolved against the working directory (the project folder under `dotnet run`).</summary>
    public string DataDirectory { get; set; } = "data";

    public string DataPath => Path.GetFullPath(DataDirectory);
}
