using System.Text.Json;

namespace OpenWxCluster.QqProtocol.Tests.Support;

/// <summary>A request the stub received: path, Authorization header (null when absent) and parsed JSON body.</summary>
public sealed record StubRequest(string Method, string Path, string? Authorization, string ContentType, JsonElement Body);
