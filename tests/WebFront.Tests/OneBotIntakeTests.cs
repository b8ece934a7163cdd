using System.Net;
using System.Text;

namespace OpenWxCluster.WebFront.Tests;

/// <summary>POST /onebot/{client}: raw bytes and headers to the grain, its answer as an HTTP status.</summary>
public sealed class OneBotIntakeTests
{
    private const string Event = """{"time":1700000000,"self_id":10001,"post_type":"message","message_type":"private","user_id":20001,"message":"hi"}""";

    [Fact]
    public async Task An_accepted_event_answers_204_after_the_grain_got_the_exact_bytes_and_headers()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/onebot/bot") { Content = new StringContent(Event, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Self-ID", "10001");
        request.Headers.Add("X-Signature", "sha1=0123abcd");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var intake = Assert.Single(account.Intakes);
        Assert.Equal(Encoding.UTF8.GetBytes(Event), intake.Body);
        Assert.Equal("10001", intake.SelfId);
        Assert.Equal("sha1=0123abcd", intake.Signature);
        Assert.Equal(QqTransport.HttpPost, intake.Transport);
    }

    [Theory]
    [InlineData(QqIntakeResult.NotStarted, HttpStatusCode.NotFound, """{"code":404,"status":"client not started"}""")]
    [InlineData(QqIntakeResult.BadSignature, HttpStatusCode.Unauthorized, """{"code":401,"status":"bad signature"}""")]
    [InlineData(QqIntakeResult.Unauthorized, HttpStatusCode.Unauthorized, """{"code":401,"status":"unauthorized"}""")]
    [InlineData(QqIntakeResult.WrongSelf, HttpStatusCode.Forbidden, """{"code":403,"status":"wrong self id"}""")]
    [InlineData(QqIntakeResult.Malformed, HttpStatusCode.BadRequest, """{"code":400,"status":"malformed event"}""")]
    public async Task A_refused_event_answers_the_status_of_the_grains_result(QqIntakeResult result, HttpStatusCode status, string body)
    {
        await using var host = await ApiHost.StartAsync();
        host.Grains.QqAccount("bot").IntakeAnswer = result;

        using var response = await host.Client.PostAsync("/onebot/bot", new StringContent(Event));

        Assert.Equal(status, response.StatusCode);
        Assert.Equal(body, await response.Content.ReadAsStringAsync());
        Assert.Null(Assert.Single(host.Grains.QqAccount("bot").Intakes).SelfId);
    }

    [Theory]
    [InlineData("sha1=0123abcd", "OneBot event for client bot refused: signature mismatch")]
    [InlineData(null, "OneBot event for client bot refused: signature missing")]
    public async Task A_bad_signature_is_logged_with_client_and_cause_only(string? signature, string line)
    {
        var logs = new RecordingLoggerProvider();
        await using var host = await ApiHost.StartAsync(logs: logs);
        host.Grains.QqAccount("bot").IntakeAnswer = QqIntakeResult.BadSignature;
        using var request = new HttpRequestMessage(HttpMethod.Post, "/onebot/bot") { Content = new StringContent(Event) };
        if (signature is not null)
        {
            request.Headers.Add("X-Signature", signature);
        }

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(line, logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains("0123abcd", StringComparison.Ordinal) || l.Contains("private", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_body_past_1_mib_is_refused_with_413_before_the_grain()
    {
        await using var host = await ApiHost.StartAsync();

        using var exact = await host.Client.PostAsync("/onebot/bot", new ByteArrayContent(new byte[1024 * 1024]));
        using var over = await host.Client.PostAsync("/onebot/bot", new ByteArrayContent(new byte[1024 * 1024 + 1]));

        Assert.Equal(HttpStatusCode.NoContent, exact.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, over.StatusCode);
        Assert.Equal("""{"code":413,"status":"event too large: at most 1048576 bytes"}""", await over.Content.ReadAsStringAsync());
        Assert.Equal(1, host.Grains.QqAccount("bot").IngestCalls);
    }

    [Fact]
    public async Task The_intake_is_not_behind_the_api_token()
    {
        await using var host = await ApiHost.StartAsync(new Dictionary<string, string?> { ["App:Api:ApiToken"] = "s3cret" });

        using var response = await host.Client.PostAsync("/onebot/bot", new StringContent(Event));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Single(host.Grains.QqAccount("bot").Intakes);
    }

    [Fact]
    public async Task A_grain_call_that_keeps_failing_answers_503_so_the_event_is_not_taken_for_saved()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        account.IngestFailures = 13; // IntakeRetry.Attempts

        using var response = await host.Client.PostAsync("/onebot/bot", new StringContent(Event));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("""{"code":503,"status":"event not saved"}""", await response.Content.ReadAsStringAsync());
        Assert.Equal(13, account.IngestCalls);
        Assert.Empty(account.Intakes);
    }

    [Fact]
    public async Task A_failing_grain_call_is_retried_before_the_answer()
    {
        await using var host = await ApiHost.StartAsync();
        var account = host.Grains.QqAccount("bot");
        account.IngestFailures = 2;

        using var response = await host.Client.PostAsync("/onebot/bot", new StringContent(Event));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(3, account.IngestCalls);
        Assert.Single(account.Intakes);
    }

    [Fact]
    public async Task Only_post_reaches_the_intake_and_a_bad_client_name_is_refused()
    {
        await using var host = await ApiHost.StartAsync();

        using var get = await host.Client.GetAsync("/onebot/bot");
        using var bad = await host.Client.PostAsync("/onebot/%20", new StringContent(Event));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(0, host.Grains.QqAccount("bot").IngestCalls);
    }
}
