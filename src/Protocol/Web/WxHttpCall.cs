namespace OpenWxCluster.Protocol.Web;

/// <summary>One upstream request as the driver means it (real URL; loopback mapping happens in the transport).</summary>
internal sealed record WxHttpCall(string Operation, HttpMethod Method, Uri Url, string RefererDomain)
{
    public HttpContent? Content { get; init; }

    /// <summary>Which of the option timeouts applies.</summary>
    public WxTimeoutKind Timeout { get; init; } = WxTimeoutKind.Request;

    /// <summary>newloginpage answers 301 with the XML body: a 3xx is then a normal answer, not an error.</summary>
    public bool AcceptRedirect { get; init; }

    /// <summary>Extra request headers (e.g. Range for videos).</summary>
    public IReadOnlyDictionary<string, string>? Headers { get; init; }
}
