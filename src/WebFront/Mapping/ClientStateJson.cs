using System.Text.Json.Nodes;

namespace OpenWxCluster.WebFront;

/// <summary>
/// check_client entries: the keys of Mojo's <c>mojo_weixin_state_&lt;client&gt;.json</c> that still mean something
/// in a cluster, plus <c>silo</c> (where the account is active) and <c>offline_cause</c> (why a started account is cut off
/// from upstream, null when it is not; Mojo clients ignore unknown keys). File paths, log and plugin settings are left out.
/// </summary>
public static class ClientStateJson
{
    public static JsonObject State(AccountStatus status, int port)
    {
        var json = new JsonObject
        {
            ["client"] = status.Client,
            // Mojo's controller sets the child's account to the client name; the WeChat account is in get_user_info.
            ["account"] = status.Client,
            ["state"] = status.State.ToWire(),
            ["previous_state"] = status.PreviousState.ToWire(),
            ["start_time"] = status.StartTime?.ToUnixTimeSeconds(),
            ["pid"] = ServerInfo.Pid,
            ["port"] = port,
            ["os"] = ServerInfo.Os,
            ["version"] = ServerInfo.Version,
            ["qrcode_count"] = status.QrCodeCount,
            ["silo"] = status.Silo,
            ["offline_cause"] = status.OfflineCause,
        };
        if (!string.IsNullOrEmpty(status.LastError))
        {
            json["last_error"] = status.LastError;
        }
        return json;
    }

    /// <summary>get_client_info: Mojo's process info; <c>starttime</c>/<c>runtime</c> are the account's, in seconds.</summary>
    public static JsonObject ClientInfo(AccountStatus status, DateTimeOffset now)
    {
        var start = status.StartTime;
        return new JsonObject
        {
            ["code"] = 0,
            ["client"] = status.Client,
            ["account"] = status.Client,
            ["pid"] = ServerInfo.Pid,
            ["os"] = ServerInfo.Os,
            ["version"] = ServerInfo.Version,
            ["starttime"] = start?.ToUnixTimeSeconds(),
            ["runtime"] = start is null ? null : (long)Math.Max(0, (now - start.Value).TotalSeconds),
            ["http_debug"] = "0",
            ["log_encoding"] = null,
            ["log_path"] = null,
            ["log_level"] = "info",
            ["state"] = status.State.ToWire(),
            ["silo"] = status.Silo,
            ["status"] = "success",
        };
    }
}
