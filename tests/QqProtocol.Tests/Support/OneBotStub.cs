using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.QqProtocol.Tests.Support;

/// <summary>
/// A OneBot v11 HTTP API on real loopback Kestrel: records every request and answers what the test says. Checks the
/// token the way NapCat does (401 missing, 403 wrong) before the test's answer is consulted.
/// </summary>
public sealed class OneBotStub : IAsyncDisposable
{
    private readonly ConcurrentQueue<StubRequest> _requests = new();
    private readonly WebApplication _app;

    private OneBotStub(WebApplication app) => _app = app;

    public const string Token = "s3cret-token";

    public string BaseUrl { get; private set; } = "";

    /// <summary>Decides the answer; default answers <c>{}</c> data for any action.</summary>
    public Func<StubRequest, StubAnswer> Answer { get; set; } = _ => StubAnswer.Ok("{}");

    public IReadOnlyList<StubRequest> Requests => [.. _requests];

    public static async Task<OneBotStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var stub = new OneBotStub(app);
        app.Run(stub.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.BaseUrl = address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
        return stub;
    }

    private async Task HandleAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body);
        var text = await reader.ReadToEndAsync(http.RequestAborted);
        var body = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        var auth = http.Request.Headers.Authorization.Count == 0 ? null : http.Request.Headers.Authorization.ToString();
        var request = new StubRequest(http.Request.Method, http.Request.Path.Value ?? "", auth, http.Request.ContentType ?? "", body);
        _requests.Enqueue(request);

        if (auth is null)
        {
            http.Response.StatusCode = 401;
            return;
        }

        if (auth != $"Bearer {Token}")
        {
            http.Response.StatusCode = 403;
            return;
        }

        var answer = Answer(request);
        if (answer.Drop)
        {
            http.Abort();
            return;
        }

        http.Response.StatusCode = answer.Status;
        if (answer.Json is not null)
        {
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(answer.Json, http.RequestAborted);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
