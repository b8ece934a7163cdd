using System.Text.Json;
using Microsoft.Extensions.Primitives;

namespace OpenWxCluster.WebFront;

/// <summary>
/// Request parameters the way Mojolicious' <c>$c-&gt;param</c> sees them: query string, then a urlencoded or
/// multipart form body (and, as an extra, a flat JSON object body); a later value of the same name wins.
/// Names are case-sensitive like Mojo's. Bound once per request and kept in <see cref="HttpContext.Items"/> so the
/// filter and the JSON writer (JSONP) see the same values.
/// </summary>
public sealed partial class MojoParameters
{
    /// <summary>Parameters that steer the API itself and are never lookup keys or start options.</summary>
    public static readonly IReadOnlySet<string> Reserved =
        new HashSet<string>(StringComparer.Ordinal) { "client", "token", "datatype", "callback", "_" };

    private static readonly object ItemKey = new();

    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <summary>Set when a body was announced but could not be read; the request is then refused.</summary>
    public string? BodyError { get; private set; }

    /// <summary>The HTTP status that goes with <see cref="BodyError"/>: 400, or 413 for a body past the limit.</summary>
    public int BodyStatus { get; private set; } = StatusCodes.Status200OK;

    public string? this[string name] => Checked(name) ? _values.GetValueOrDefault(name) : null;

    public bool Contains(string name) => Checked(name) && _values.ContainsKey(name);

    /// <summary>All parameters in first-seen order, with their last value.</summary>
    public IEnumerable<KeyValuePair<string, string>> All =>
        CheckedAll() ? _order.Select(n => KeyValuePair.Create(n, _values[n])) : [];

    /// <summary>All parameters except <see cref="Reserved"/> ones.</summary>
    public IEnumerable<KeyValuePair<string, string>> Unreserved => All.Where(p => !Reserved.Contains(p.Key));

    public void Set(string name, string value)
    {
        if (_values.TryAdd(name, value))
        {
            _order.Add(name);
        }
        else
        {
            _values[name] = value;
        }
    }

    public static MojoParameters FromPairs(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        var result = new MojoParameters();
        result.AddAll(pairs);
        return result;
    }

    /// <summary>Minimal API binding hook: handlers just declare a <see cref="MojoParameters"/> parameter.</summary>
    public static async ValueTask<MojoParameters?> BindAsync(HttpContext context) => await BindAsync(context, long.MaxValue);

    /// <summary>Binds once per request (<see cref="MojoGate"/> first, with the route's body limit).</summary>
    internal static async ValueTask<MojoParameters> BindAsync(HttpContext context, long maxBodyBytes)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is MojoParameters known)
        {
            return known;
        }
        var result = await ReadAsync(context.Request, maxBodyBytes, context.RequestAborted);
        result.BeStrictIfAsked(context);
        context.Items[ItemKey] = result;
        return result;
    }

    /// <summary>The parameters bound for this request, if any route bound them.</summary>
    public static MojoParameters? Peek(HttpContext context) =>
        context.Items.TryGetValue(ItemKey, out var value) ? value as MojoParameters : null;

    public static Task<MojoParameters> ReadAsync(HttpRequest request, CancellationToken cancellationToken) =>
        ReadAsync(request, long.MaxValue, cancellationToken);

    /// <param name="maxBodyBytes">A JSON body past it is refused (forms are cut by the server's body limit).</param>
    public static async Task<MojoParameters> ReadAsync(HttpRequest request, long maxBodyBytes, CancellationToken cancellationToken)
    {
        var result = FromPairs(request.Query);
        try
        {
            if (request.HasFormContentType)
            {
                var check = IsUrlEncoded(request.ContentType) ? new Utf8FormCheck(request.Body) : null;
                if (check is not null)
                {
                    request.Body = check;
                }
                var form = await request.ReadFormAsync(cancellationToken);
                result.AddAll(form);
                result.Refuse(check?.Valid == false ? "request body is not valid UTF-8" : null, StatusCodes.Status400BadRequest);
            }
            else if (IsJson(request.ContentType) && request.ContentLength is not 0)
            {
                var body = await JsonBody.ReadAsync(request.Body, maxBodyBytes, cancellationToken);
                result.Refuse(body.Error, body.Status);
                if (body.Bytes is { } bytes)
                {
                    result.Refuse(JsonBody.AddTo(result, bytes), StatusCodes.Status400BadRequest);
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // The server's body limit (set by MojoGate before anything was read) was passed mid-body.
            result.Refuse(JsonBody.TooLarge, StatusCodes.Status413PayloadTooLarge);
        }
        catch (Exception ex) when (ex is InvalidDataException or JsonException or IOException or BadHttpRequestException)
        {
            // A broken body must not become a 500 page: the gate answers with a Mojo error instead.
            result.Refuse("malformed request body", StatusCodes.Status400BadRequest);
        }
        return result;
    }

    /// <summary>Keeps the first refusal of the body (an error with its HTTP status).</summary>
    private void Refuse(string? error, int status)
    {
        if (error is not null && BodyError is null)
        {
            BodyError = error;
            BodyStatus = status;
        }
    }

    private void AddAll(IEnumerable<KeyValuePair<string, StringValues>> pairs)
    {
        foreach (var (name, values) in pairs)
        {
            if (values.Count > 0 && values[^1] is { } last)
            {
                Set(name, last);
            }
        }
    }

    private static bool IsUrlEncoded(string? contentType) =>
        contentType?.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) == true;

    internal static bool IsJson(string? contentType) =>
        contentType is not null
        && (contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase)
            || contentType.StartsWith("text/json", StringComparison.OrdinalIgnoreCase)
            || contentType.Contains("+json", StringComparison.OrdinalIgnoreCase));
}
