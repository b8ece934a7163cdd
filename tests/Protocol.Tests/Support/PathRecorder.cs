using System.Collections.Concurrent;

namespace OpenWxCluster.Protocol.Tests.Support;

/// <summary>Sits in the real client pipeline and remembers which CGI each request hit on which upstream host.</summary>
public sealed class PathRecorder : DelegatingHandler
{
    private readonly ConcurrentQueue<(string Path, string? UpstreamHost)> _seen = new();

    public IReadOnlyList<(string Path, string? UpstreamHost)> Seen => [.. _seen];

    public int Count(string path) => _seen.Count(s => s.Path == path);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var upstream = request.Headers.TryGetValues("X-Upstream-Host", out var values) ? values.First() : null;
        _seen.Enqueue((request.RequestUri!.AbsolutePath, upstream));
        return base.SendAsync(request, cancellationToken);
    }
}
