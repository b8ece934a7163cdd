using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using OpenWxCluster.QqEmulator;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.QqEmulator.Tests.Support;

/// <summary>
/// An in-process QQ emulator on a free loopback port with an event receiver, seeded through the control API:
/// bot 10001 "Bot", users 20001 Alice (friend of the bot) and 20002 Bob, group 30001 "Team" owned by Alice with
/// the bot as admin and Bob as member.
/// </summary>
internal sealed class TestQq : IAsyncDisposable
{
    public const long Bot = 10001, Alice = 20001, Bob = 20002, Team = 30001;
    public const string Token = "t0ken", Secret = "s3cret";

    private TestQq(QqEmulatorHost host, WebhookReceiver receiver)
    {
        Host = host;
        Receiver = receiver;
        Http = new HttpClient { BaseAddress = host.BaseUri };
    }

    public QqEmulatorHost Host { get; }

    public WebhookReceiver Receiver { get; }

    public HttpClient Http { get; }

    /// <summary>Starts and seeds; <paramref name="postUrl"/> sends events to a real client instead of the test receiver.</summary>
    public static async Task<TestQq> StartAsync(string? token = Token, TimeSpan? heartbeat = null, string format = "array", bool seed = true, Uri? reverseWs = null, Uri? postUrl = null, IReadOnlySet<string>? unsupported = null)
    {
        var receiver = await WebhookReceiver.StartAsync();
        var host = await QqEmulatorHost.StartAsync(new QqEmulatorOptions
        {
            AccessToken = token,
            Secret = Secret,
            PostUrls = [postUrl ?? new Uri(receiver.Url)],
            HeartbeatInterval = heartbeat,
            MessageFormat = format,
            ReverseWsUrls = reverseWs is null ? [] : [reverseWs],
            ReconnectInterval = TimeSpan.FromMilliseconds(100),
            UnsupportedActions = unsupported ?? new HashSet<string>(),
        });
        var qq = new TestQq(host, receiver);
        if (seed)
        {
            await qq.ControlAsync("bots", new { selfId = Bot, nickname = "Bot" });
            await qq.ControlAsync("users", new { userId = Alice, nickname = "Alice", sex = "female", age = 30 });
            await qq.ControlAsync("users", new { userId = Bob, nickname = "Bob" });
            await qq.ControlAsync("friendships", new { a = Bot, b = Alice });
            await qq.ControlAsync("groups", new { groupId = Team, name = "Team", ownerId = Alice });
            await qq.ControlAsync($"groups/{Team}/members", new { userId = Bot, role = "admin", card = "bot card" });
            await qq.ControlAsync($"groups/{Team}/members", new { userId = Bob });
        }

        return qq;
    }

    /// <summary>POST /control/{path} with a JSON body; asserts success and returns the parsed answer (or default for 204).</summary>
    public async Task<JsonElement> ControlAsync(string path, object body, HttpStatusCode? expect = null)
    {
        using var response = await Http.PostAsJsonAsync("control/" + path, body);
        return await CheckAsync(response, expect);
    }

    public async Task<JsonElement> ControlGetAsync(string path)
    {
        using var response = await Http.GetAsync("control/" + path);
        return await CheckAsync(response, null);
    }

    /// <summary>A OneBot call as JSON POST with the bearer token; returns the envelope.</summary>
    public async Task<JsonElement> CallAsync(string action, object? body = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, action)
        {
            Content = new StringContent(JsonSerializer.Serialize(body ?? new { }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new("Bearer", Token);
        using var response = await Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    /// <summary>Calls an action expected to succeed and returns its data.</summary>
    public async Task<JsonElement> OkAsync(string action, object? body = null)
    {
        var envelope = await CallAsync(action, body);
        Assert.True(envelope.GetProperty("retcode").GetInt32() == 0, envelope.ToString());
        Assert.Equal("ok", envelope.GetProperty("status").GetString());
        return envelope.GetProperty("data");
    }

    /// <summary>Calls an action expected to fail and returns its retcode.</summary>
    public async Task<int> FailAsync(string action, object? body = null)
    {
        var envelope = await CallAsync(action, body);
        Assert.Equal("failed", envelope.GetProperty("status").GetString());
        return envelope.GetProperty("retcode").GetInt32();
    }

    /// <summary>Waits for the first event posted for <paramref name="selfId"/> that matches, and checks its headers.</summary>
    public async Task<ReceivedPost> EventAsync(Func<JsonElement, bool> match, long selfId = Bot)
    {
        var post = await Eventually.ValueAsync(
            () => Task.FromResult(Receiver.Posts.FirstOrDefault(p => p.Json.GetProperty("self_id").GetInt64() == selfId && match(p.Json))),
            p => p is not null,
            TimeSpan.FromSeconds(20),
            "an event posted to the receiver");
        Assert.Equal(selfId.ToString(System.Globalization.CultureInfo.InvariantCulture), post!.Header("X-Self-ID"));
        Assert.Equal(Signature.Of(Secret, post.Body), post.Header("X-Signature"));
        return post;
    }

    public static bool Is(JsonElement e, string key, string value) => e.TryGetProperty(key, out var v) && v.GetString() == value;

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    private static async Task<JsonElement> CheckAsync(HttpResponseMessage response, HttpStatusCode? expect)
    {
        var text = await response.Content.ReadAsStringAsync();
        if (expect is { } status)
        {
            Assert.Equal(status, response.StatusCode);
        }
        else
        {
            Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {text}");
        }

        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }
}
