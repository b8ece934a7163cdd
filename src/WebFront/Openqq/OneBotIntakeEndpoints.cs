namespace OpenWxCluster.WebFront;

/// <summary>
/// Where OneBot v11 implementations push events: <c>POST /onebot/{client}</c> (HTTP POST reporting) and
/// <c>GET /onebot/{client}/ws</c> (reverse WebSocket, <see cref="OneBotSocket"/>). The raw bytes go to the QQ account
/// grain, which checks token, signature and self id (it keeps the secrets) and answers once the event is durable.
/// </summary>
internal static partial class OneBotIntakeEndpoints
{
    public const string SelfIdHeader = "X-Self-ID";
    public const string SignatureHeader = "X-Signature";

    public static IEndpointRouteBuilder MapOneBotIntake(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/onebot/{client}", PostEventAsync).WithName("onebot.post");
        endpoints.MapGet("/onebot/{client}/ws", OneBotSocket.RunAsync).WithName("onebot.ws");
        return endpoints;
    }

    /// <summary>204 once the event is durable; 404, 401, 403, 400 or 413 with a small JSON body otherwise.</summary>
    internal static async Task<IResult> PostEventAsync(string client, HttpContext http, IGrainFactory grains, ILoggerFactory loggers)
    {
        if (!ClientNames.IsValid(client))
        {
            return IntakeReplies.Reply(StatusCodes.Status400BadRequest, "invalid client name");
        }
        var body = await ReadBoundedAsync(http.Request, http.RequestAborted);
        if (body is null)
        {
            return IntakeReplies.TooLarge();
        }
        var intake = new QqIntake(
            body, Header(http, SelfIdHeader), Header(http, SignatureHeader), QqTransport.HttpPost);
        QqIntakeResult result;
        try
        {
            result = await IntakeRetry.IngestAsync(
                grains.ForKey<IQqAccountGrain>(AccountKey.For(AccountKey.QQ, client)), intake, http.RequestAborted);
        }
        catch (Exception ex) when (!http.RequestAborted.IsCancellationRequested)
        {
            // Not durable: a 5xx tells the sender the event was not taken (no exception text: it may carry keys).
            LogFailed(loggers.CreateLogger(typeof(OneBotIntakeEndpoints)), ex, client);
            return IntakeReplies.Reply(StatusCodes.Status503ServiceUnavailable, "event not saved");
        }
        if (result == QqIntakeResult.BadSignature)
        {
            // The client and the cause only: the body and the signature stay out of the log.
            LogRefused(loggers.CreateLogger(typeof(OneBotIntakeEndpoints)), client, intake.Signature is null ? "signature missing" : "signature mismatch");
        }
        return IntakeReplies.For(result) ?? Results.NoContent();
    }

    internal static string? Header(HttpContext http, string name) =>
        http.Request.Headers[name].LastOrDefault() is { Length: > 0 } value ? value : null;

    /// <summary>The body, or null when it is larger than <see cref="IntakeReplies.MaxEventBytes"/>.</summary>
    private static async Task<byte[]?> ReadBoundedAsync(HttpRequest request, CancellationToken cancellation)
    {
        if (request.ContentLength > IntakeReplies.MaxEventBytes)
        {
            return null;
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellation)) > 0)
        {
            if (buffer.Length + read > IntakeReplies.MaxEventBytes)
            {
                return null;
            }
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "OneBot event for client {Client} not saved")]
    internal static partial void LogFailed(ILogger logger, Exception exception, string client);

    [LoggerMessage(Level = LogLevel.Warning, Message = "OneBot event for client {Client} refused: {Cause}")]
    private static partial void LogRefused(ILogger logger, string client, string cause);
}
