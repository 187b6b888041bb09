namespace ProgressTracker.Web.Infrastructure.Storage;

/// <summary>
/// The embedded default keeps patient records and photos in plain files. They are made readable by the app's own
/// account only (folders 0700, files 0600), whatever the umask, so other accounts on the machine see nothing.
/// Windows has no Unix modes; there the folder's inherited ACL applies.
/// </summary>
public static class OwnerOnly
{
    public const UnixFileMode FolderBits = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode FileBits = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder and any missing parents owner-only.</summary>
    public static void CreateFolder(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }
        // Directory.CreateDirectory(path, mode) gives the mode to the last folder only; missing parents get 0777
        // less the umask. So each missing level is created on its own, outermost first.
        var missing = new Stack<string>();
        for (var dir = Path.GetFullPath(path); !Directory.Exists(dir); dir = Path.GetDirectoryName(dir)!)
            missing.Push(dir);
        while (missing.TryPop(out var dir)) Directory.CreateDirectory(dir, FolderBits);
    }

    /// <summary>One of the app's own folders (data, blob root): created, or tightened if it was already there.</summary>
    public static void EnsureFolder(string path)
    {
        CreateFolder(path);
        Tighten(path, FolderBits);
    }

    /// <summary>Tightens an existing file of the app's (the database and its -wal/-shm); nothing if it is absent.</summary>
    public static void TightenFile(string path) => Tighten(path, FileBits);

    /// <summary>Options for a new file that is owner-only from its first byte (no window in which others can open it).</summary>
    public static FileStreamOptions NewFile(int bufferSize)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = bufferSize,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = FileBits;
        return options;
    }

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows() || !Path.Exists(path)) return;
        try
        {
            if ((File.GetUnixFileMode(path) & ~mode) != 0) File.SetUnixFileMode(path, mode);
        }
        catch (UnauthorizedAccessException)
        {
            // Owned by another account (an operator's choice, e.g. a mounted volume): not ours to change.
        }
    }
}
