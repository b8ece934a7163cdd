using System.Net;
using System.Net.Sockets;

namespace OpenWxCluster.TestKit;

/// <summary>
/// Free TCP ports on the loopback interface for servers a test starts later (often in another process). They come
/// from below Linux's ephemeral range (32768–60999): a port the OS picked for port 0 is in that range, and once
/// released it can be taken by any outgoing connection before the server binds it ("Address already in use" seen
/// in CI). Each port is handed out once per test process and checked free when handed out.
/// </summary>
public static class FreePort
{
    private const int First = 20_000;
    private const int Last = 29_000; // below Orleans TestingHost's gateway ports (30000 up)
    private static readonly HashSet<int> Given = [];

    public static int Next()
    {
        lock (Given)
        {
            for (var tries = 0; tries < 1_000; tries++)
            {
                var port = Random.Shared.Next(First, Last);
                if (Given.Contains(port) || !CanBind(port))
                {
                    continue;
                }
                Given.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"no free loopback port between {First} and {Last}");
    }

    private static bool CanBind(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        try
        {
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        finally
        {
            listener.Stop();
        }
    }
}
