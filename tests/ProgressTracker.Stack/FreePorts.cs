using System.Net;
using System.Net.Sockets;

namespace ProgressTracker.Stack;

public static class FreePorts
{
    /// <summary>A loopback port nobody listens on right now (the OS picks it).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
