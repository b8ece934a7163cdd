using System.Text.Json;
using OpenWxCluster.Emulator.Sessions;

namespace OpenWxCluster.Emulator.Endpoints;

/// <summary>
/// Reads a SyncKey in either form (synccheck's <c>1_V|2_V</c> or webwxsync's <c>{List:[{Key,Val}]}</c>) and returns
/// the acknowledged seq (key 2), or null when the key is malformed, belongs to another session or was never issued.
/// </summary>
internal static class SyncKeyParser
{
    public static long? AckFromPipes(EmuSession session, string? synckey)
    {
        if (string.IsNullOrEmpty(synckey))
        {
            return null;
        }

        var pairs = new Dictionary<int, long>();
        foreach (var part in synckey.Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var cut = part.IndexOf('_');
            if (cut <= 0 || !int.TryParse(part[..cut], out var key) || !long.TryParse(part[(cut + 1)..], out var val))
            {
                return null;
            }

            pairs[key] = val;
        }

        // A SyncCheckKey (it has key 11) is judged by key 11; a SyncKey by key 2.
        return Validate(session, pairs) is not null && pairs.TryGetValue(11, out var checkAck)
            ? (session.IsValidAck(checkAck) ? checkAck : null)
            : Validate(session, pairs);
    }

    /// <summary>webwxsync confirms with key 2 only (SyncKey); key 11 of a SyncCheckKey is ignored there.</summary>
    public static long? AckFromJson(EmuSession session, JsonElement? syncKey)
    {
        if (syncKey is not { ValueKind: JsonValueKind.Object } obj || !obj.TryGetProperty("List", out var list) || list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var pairs = new Dictionary<int, long>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object ||
                !item.TryGetProperty("Key", out var k) || !k.TryGetInt32(out var key) ||
                !item.TryGetProperty("Val", out var v) || !v.TryGetInt64(out var val))
            {
                return null;
            }

            pairs[key] = val;
        }

        return Validate(session, pairs);
    }

    private static long? Validate(EmuSession session, Dictionary<int, long> pairs) =>
        pairs.TryGetValue(1, out var baseKey) && baseKey == session.SyncBase &&
        pairs.TryGetValue(2, out var ack) && session.IsValidAck(ack)
            ? ack
            : null;
}
