using System.Net;
using System.Net.Sockets;

namespace OpenWxCluster.TestKit;

/// <summary>Free TCP ports on the loopback interface, picked by the operating system.</summary>
public static class FreePort
{
    /// <summary>
    /// Binds port 0 and returns the port the OS chose. The port is released before returning, so another process
    /// can in principle take it first; callers that bind later should retry on a bind failure.
    /// </summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}
