using System.Net;
using System.Text;

namespace OpenWxCluster.Protocol.Tests.Support;

/// <summary>Terminal handler that records every request and answers from a script (default: 404).</summary>
public sealed class RecordingHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];
    private readonly Queue<Func<RecordedRequest, HttpResponseMessage>> _queued = new();

    public IReadOnlyList<RecordedRequest> Requests => _requests;

    /// <summary>Answers used when the queue is empty.</summary>
    public Func<RecordedRequest, HttpResponseMessage>? Fallback { get; set; }

    public RecordingHandler Enqueue(Func<RecordedRequest, HttpResponseMessage> responder)
    {
        _queued.Enqueue(responder);
        return this;
    }

    public RecordingHandler EnqueueText(string body, HttpStatusCode status = HttpStatusCode.OK, params string[] setCookies) =>
        Enqueue(_ => Text(body, status, setCookies));

    public RecordingHandler EnqueueJson(string json, params string[] setCookies) => EnqueueText(json, HttpStatusCode.OK, setCookies);

    public static HttpResponseMessage Text(string body, HttpStatusCode status = HttpStatusCode.OK, params string[] setCookies)
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/plain") };
        foreach (var cookie in setCookies)
        {
            response.Headers.TryAddWithoutValidation("Set-Cookie", cookie);
        }

        return response;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var headers = request.Headers.ToDictionary(h => h.Key, h => string.Join(", ", h.Value), StringComparer.OrdinalIgnoreCase);
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        if (request.Content is not null)
        {
            foreach (var header in request.Content.Headers)
            {
                headers[header.Key] = string.Join(", ", header.Value);
            }
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, headers, body);
        _requests.Add(recorded);
        var responder = _queued.Count > 0 ? _queued.Dequeue() : Fallback;
        return responder is null ? new HttpResponseMessage(HttpStatusCode.NotFound) : responder(recorded);
    }
}
