using Npgsql;

namespace OpenWxCluster.Cluster.Tests;

/// <summary>The grain state rows of a database as PostgreSQL holds them (raw payload bytes, read with Npgsql).</summary>
internal static class StoredStateRows
{
    /// <summary>Every stored state: (grain type, grain key) → payload.</summary>
    public static async Task<Dictionary<(string Type, string Key), byte[]>> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "select graintypestring, serviceid, coalesce(grainidextensionstring, grainidn0::text || '/' || grainidn1::text), payloadbinary " +
            "from orleansstorage where payloadbinary is not null", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new Dictionary<(string, string), byte[]>();
        while (await reader.ReadAsync())
        {
            rows[(reader.GetString(0), reader.GetString(1) + "|" + reader.GetString(2))] = (byte[])reader[3];
        }
        return rows;
    }

    /// <summary>The payload of the WeChat account grain of <paramref name="client"/>.</summary>
    public static async Task<byte[]> AccountAsync(string connectionString, string client)
    {
        var key = AccountKey.WeChatClient(client);
        var rows = await ReadAsync(connectionString);
        return Assert.Single(rows, r => r.Key.Type == "account" && r.Key.Key.EndsWith("|" + key, StringComparison.Ordinal)).Value;
    }

    /// <summary>Whether <paramref name="secret"/> appears in <paramref name="payload"/> as UTF-8 or UTF-16 text.</summary>
    public static bool Contains(byte[] payload, string secret) =>
        payload.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(secret)) >= 0
        || payload.AsSpan().IndexOf(System.Text.Encoding.Unicode.GetBytes(secret)) >= 0;
}
