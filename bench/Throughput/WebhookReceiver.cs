using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The bare post_api receiver: counts every POST and answers 200 with an empty body (a Mojo receiver's JSON answer
/// with <c>reply</c> would make the account send; this one must not). GET /count gives the count, GET /last the last
/// body received (the ceiling posts that same body, so both sides move the same bytes).
/// </summary>
internal static class WebhookReceiver
{
    public static void Map(WebApplication app)
    {
        long count = 0;
        byte[] last = [];
        app.MapGet("/count", () => Results.Text(Interlocked.Read(ref count).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.MapGet("/last", () => Results.Bytes(Volatile.Read(ref last), "application/json"));
        app.MapPost("/{**path}", async (HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            Volatile.Write(ref last, body.ToArray());
            Interlocked.Increment(ref count);
            return Results.Ok();
        });
    }
}
