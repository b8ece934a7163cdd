using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using OpenWxCluster.Emulator.World;

namespace OpenWxCluster.Emulator.Sessions;

/// <summary>
/// Per-login UserNames: <c>@</c>+32 hex for users, <c>@@</c>+64 hex for groups, keyed by a random per-session salt so
/// they change at every login. Only names this session has handed out resolve back, as on the real service.
/// </summary>
internal sealed class SessionNames
{
    private readonly byte[] _salt = RandomNumberGenerator.GetBytes(32);
    private readonly ConcurrentDictionary<string, string> _byId = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byName = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _byEncry = new(StringComparer.Ordinal);

    public string NameOf(string id) => WorldIds.IsSystem(id) ? id : _byId.GetOrAdd(id, Make);

    public string? IdOf(string? name)
    {
        if (string.IsNullOrEmpty(name))
        {
            return null;
        }

        return WorldIds.IsSystem(name) ? name : _byName.GetValueOrDefault(name);
    }

    /// <summary>The group's EncryChatRoomId, needed to batch-fetch its members' details.</summary>
    public string EncryChatRoomIdOf(string groupId)
    {
        var encry = "@" + Convert.ToHexStringLower(Hash("encry:" + groupId).AsSpan(0, 16));
        _byEncry.TryAdd(encry, groupId);
        return encry;
    }

    public string? GroupOfEncry(string? encry) => string.IsNullOrEmpty(encry) ? null : _byEncry.GetValueOrDefault(encry);

    /// <summary>A stable small number per contact for HeadImgUrl's seq parameter.</summary>
    public int HeadSeqOf(string id) => (int)(BitConverter.ToUInt32(Hash("seq:" + id)) % 900_000_000) + 100_000_000;

    private string Make(string id)
    {
        var hash = Hash(id);
        var name = WorldIds.IsGroup(id) ? "@@" + Convert.ToHexStringLower(hash) : "@" + Convert.ToHexStringLower(hash.AsSpan(0, 16));
        _byName[name] = id;
        return name;
    }

    private byte[] Hash(string text) => HMACSHA256.HashData(_salt, Encoding.UTF8.GetBytes(text));
}
