namespace OpenWxCluster.TestKit;

/// <summary>One check_client entry: the state and the silo where the account is active.</summary>
public sealed record ClientReport(string State, string Silo)
{
    /// <summary>Orleans silo addresses print as <c>S127.0.0.1:port:generation</c>.</summary>
    public bool IsOnSiloPort(int siloPort) => Silo.Contains($":{siloPort}:", StringComparison.Ordinal);
}
