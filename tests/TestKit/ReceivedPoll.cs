namespace OpenWxCluster.TestKit;

/// <summary>One GET a <see cref="WebhookReceiver"/> took on its poll path: the path and the query.</summary>
public sealed record ReceivedPoll(string Path, IReadOnlyDictionary<string, string> Query);
