using Microsoft.Data.Sqlite;

namespace ProgressTracker.Web.Infrastructure.Data;

/// <summary>
/// SQLite creates its database with the umask's mode (often 0644) and gives the -wal and -shm files the database
/// file's mode. So the file is created owner-only before SQLite first opens it, and an existing one is tightened.
/// </summary>
public static class SqliteFiles
{
    public static void MakeOwnerOnly(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:") return;
        var path = Path.GetFullPath(builder.DataSource);
        if (!File.Exists(path) && Directory.Exists(Path.GetDirectoryName(path)))
        {
            try
            {
                using var created = new FileStream(path, OwnerOnly.NewFile(1)); // SQLite treats an empty file as new
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process (a worker starting alongside) created it first; it is tightened below.
            }
        }
        foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
            OwnerOnly.TightenFile(file);
    }
}
