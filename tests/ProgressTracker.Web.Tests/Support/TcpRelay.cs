using System.Net;
using System.Net.Sockets;

namespace ProgressTracker.Web.Tests.Support;

/// <summary>
/// A loopback TCP relay in front of a real service (PostgreSQL, Azurite). An app pointed at it works normally until
/// <see cref="CutAsync"/> closes the listener and every relayed connection: from then on the port refuses connections,
/// exactly as if the service had gone away, while the service itself stays up for everyone else.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private TcpListener _listener = new(IPAddress.Loopback, 0);
    private CancellationTokenSource _cut = new();
    private readonly List<TcpClient> _open = [];
    private Task _accepting;
    private readonly string _targetHost;
    private readonly int _targetPort;

    public TcpRelay(string targetHost, int targetPort)
    {
        (_targetHost, _targetPort) = (targetHost, targetPort);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    public int Port { get; private set; }

    /// <summary>The service is back: the same port accepts and relays again.</summary>
    public void Resume()
    {
        if (!_cut.IsCancellationRequested) return;
        _cut.Dispose();
        _cut = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public async Task CutAsync()
    {
        await _cut.CancelAsync();
        _listener.Stop();
        lock (_open)
        {
            foreach (var client in _open) client.Dispose();
            _open.Clear();
        }
        try { await _accepting; } catch (Exception) { /* stopped */ }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_cut.IsCancellationRequested) await CutAsync();
        _cut.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_cut.IsCancellationRequested)
        {
            var inbound = await _listener.AcceptTcpClientAsync(_cut.Token);
            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_targetHost, _targetPort, _cut.Token);
            }
            catch (Exception)
            {
                inbound.Dispose();
                outbound.Dispose();
                continue;
            }
            lock (_open) _open.AddRange([inbound, outbound]);
            _ = PumpAsync(inbound, outbound);
            _ = PumpAsync(outbound, inbound);
        }
    }

    private async Task PumpAsync(TcpClient from, TcpClient to)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), _cut.Token);
        }
        catch (Exception)
        {
            // Cut, or one side closed: close both.
        }
        from.Dispose();
        to.Dispose();
    }
}
