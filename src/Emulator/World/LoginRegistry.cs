using System.Collections.Concurrent;

namespace OpenWxCluster.Emulator.World;

/// <summary>QR logins by uuid, by image hash (a phone "scanning" posted bytes) and by confirmed ticket.</summary>
internal sealed class LoginRegistry
{
    private readonly ConcurrentDictionary<string, PendingLogin> _byUuid = new(StringComparer.Ordinal);

    public PendingLogin Create(TimeSpan lifetime)
    {
        while (true)
        {
            var login = new PendingLogin(Secrets.Uuid(), lifetime);
            if (_byUuid.TryAdd(login.Uuid, login))
            {
                return login;
            }
        }
    }

    public PendingLogin? ByUuid(string? uuid) => uuid is null ? null : _byUuid.GetValueOrDefault(uuid);

    public PendingLogin? BySha256(string sha256) =>
        _byUuid.Values.FirstOrDefault(l => string.Equals(l.QrSha256, sha256, StringComparison.OrdinalIgnoreCase));

    public PendingLogin? ByTicket(string? ticket) =>
        string.IsNullOrEmpty(ticket) ? null : _byUuid.Values.FirstOrDefault(l => l.Ticket == ticket);

    public IReadOnlyList<PendingLogin> All() => [.. _byUuid.Values.OrderBy(l => l.CreatedAt)];

    /// <summary>Drops logins that ended (expired or consumed) before the cutoff.</summary>
    public void Sweep(DateTimeOffset cutoff)
    {
        foreach (var login in _byUuid.Values)
        {
            var ended = login.State is LoginState.Expired ? login.ExpiresAt : login.State is LoginState.Consumed ? login.ChangedAt : DateTimeOffset.MaxValue;
            if (ended < cutoff)
            {
                _byUuid.TryRemove(login.Uuid, out _);
            }
        }
    }
}
