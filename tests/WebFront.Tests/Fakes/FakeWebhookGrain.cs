using System.Collections.Concurrent;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>Answers the destination check with <see cref="Refusal"/> and serves <see cref="Info"/>.</summary>
public sealed class FakeWebhookGrain : IWebhookGrain
{
    public string? Refusal { get; set; }

    public WebhookInfo Info { get; set; } = new(null, 0, 0, 0, 0, 0, []);

    public ConcurrentQueue<string> Checked { get; } = new();

    public Task<string?> CheckAsync(string url)
    {
        Checked.Enqueue(url);
        return Task.FromResult(Refusal);
    }

    public Task<bool> ConfigureAsync(WebhookSettings? settings) => throw new NotSupportedException();

    public Task AcceptAsync(IReadOnlyList<AccountEvent> events) => throw new NotSupportedException();

    public Task<WebhookInfo> GetInfoAsync() => Task.FromResult(Info);

    public Task EnsureDeliveringAsync() => throw new NotSupportedException();
}
