namespace OpenWxCluster.QqProtocol.Tests.Support;

/// <summary>What the stub does with a request: answer a status and body, or drop the connection unanswered.</summary>
public sealed record StubAnswer(int Status, string? Json, bool Drop = false)
{
    public static StubAnswer Ok(string dataJson) => new(200, $$"""{"status":"ok","retcode":0,"data":{{dataJson}}}""");

    public static StubAnswer Failed(int retcode, string wording) =>
        new(200, $$"""{"status":"failed","retcode":{{retcode}},"data":null,"msg":"x","wording":"{{wording}}"}""");

    public static StubAnswer Dropped { get; } = new(0, null, Drop: true);
}
