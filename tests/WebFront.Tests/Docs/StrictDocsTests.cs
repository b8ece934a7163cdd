using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OpenWxCluster.WebFront.Tests.Docs;

/// <summary>
/// The mechanism that keeps the API description honest (<c>App:Api:StrictDocs</c>), over real loopback HTTP: a
/// route that reads a parameter it did not declare, enumerates parameters without being open-ended, or answers
/// JSON outside its declared shape fails loudly, naming the route and the parameter or the place; Mojo's error
/// object is always allowed. Without strict mode (production) the same routes just answer.
/// </summary>
public sealed class StrictDocsTests
{
    [Fact]
    public async Task Strict_mode_refuses_undeclared_reads_and_undeclared_reply_shapes_and_says_where()
    {
        var logs = new RecordingLoggerProvider();
        await using var app = await StartAsync(strict: true, logs);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };

        Assert.Equal("""{"code":0,"status":"1"}""", await TextAsync(http, "declared?a=1&client=x&token=t&_=9"));
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("undeclared?a=1&b=2")).StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("StrictDocs: route", StringComparison.Ordinal) && l.Contains("'b'", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("enumerates?a=1")).StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("enumerates all parameters", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("open?anything=1")).StatusCode);

        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("wrong_shape")).StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("$.code: String where integer is declared", StringComparison.Ordinal));
        Assert.Equal("""{"code":-1,"status":"no"}""", await TextAsync(http, "error_reply"));
        // A reply written straight to the response is checked too.
        Assert.Equal(HttpStatusCode.InternalServerError, (await http.GetAsync("wrong_streamed")).StatusCode);
        Assert.Contains(logs.Lines, l => l.Contains("wrong_streamed", StringComparison.Ordinal) && l.Contains("StrictDocs: route", StringComparison.Ordinal));
        Assert.Equal("""{"code":0,"status":"ok"}""", await TextAsync(http, "streamed"));
    }

    [Fact]
    public async Task Without_strict_mode_the_same_routes_answer()
    {
        await using var app = await StartAsync(strict: false, logs: null);
        using var http = new HttpClient { BaseAddress = new Uri(app.Urls.Single()) };
        foreach (var route in new[] { "undeclared?a=1&b=2", "enumerates?a=1", "wrong_shape", "wrong_streamed" })
        {
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(route)).StatusCode);
        }
    }

    private static async Task<string> TextAsync(HttpClient http, string url)
    {
        using var response = await http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private static async Task<WebApplication> StartAsync(bool strict, ILoggerProvider? logs)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["App:Api:StrictDocs"] = strict ? "true" : "false" });
        builder.Services.AddSingleton<IGrainFactory>(new FakeGrainFactory());
        builder.Services.AddOpenWxApi(builder.Configuration);
        var app = builder.Build();
        var a = MojoParam.Opt("a", "the one declared parameter");
        app.MapGet("/declared", (MojoParameters p) => Status(0, p["a"]! + p["client"]?[..0] + p["token"]?[..0] + p["_"]?[..0]))
            .Accepts(a).Answers(MojoShapes.Status);
        app.MapGet("/undeclared", (MojoParameters p) => Status(0, p["b"] ?? "")).Accepts(a).Answers(MojoShapes.Status);
        app.MapGet("/enumerates", (MojoParameters p) => Status(0, p.Unreserved.Count().ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Accepts(a).Answers(MojoShapes.Status);
        app.MapGet("/open", (MojoParameters p) => Status(0, string.Join(",", p.Unreserved.Select(x => x.Key)))).AcceptsMore(a).Answers(MojoShapes.Status);
        app.MapGet("/wrong_shape", (MojoParameters p) => MojoReply.Json(new JsonObject { ["code"] = "0", ["status"] = "ok" }))
            .Accepts().Answers(MojoShapes.Status);
        app.MapGet("/wrong_streamed", (MojoParameters p) => Streamed("0")).Accepts().Answers(MojoShapes.Status);
        app.MapGet("/streamed", (MojoParameters p) => Streamed(0)).Accepts().Answers(MojoShapes.Status);
        app.MapGet("/error_reply", (MojoParameters p) => MojoReply.Error(-1, "no")).Accepts().Answers(MojoShapes.Friends);
        await app.StartAsync();
        return app;
    }

    private static MojoStreamedReply Streamed<T>(T code) => new(json =>
    {
        json.WriteStartObject();
        if (code is string text)
        {
            json.WriteString("code", text);
        }
        else
        {
            json.WriteNumber("code", Convert.ToInt32(code, System.Globalization.CultureInfo.InvariantCulture));
        }
        json.WriteString("status", "ok");
        json.WriteEndObject();
    });

    private static MojoReply Status(int code, string status) => MojoReply.Json(new JsonObject { ["code"] = code, ["status"] = status });
}
