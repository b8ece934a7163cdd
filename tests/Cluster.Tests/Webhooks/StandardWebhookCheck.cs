using System.Security.Cryptography;
using System.Text;
using OpenWxCluster.TestKit;

namespace OpenWxCluster.Cluster.Tests.Webhooks;

/// <summary>
/// Verifies a Standard Webhooks signature the way a receiver would, written from the specification and not from
/// the product's signing code: HMAC-SHA256 over <c>id.timestamp.body</c>, key = base64 after <c>whsec_</c>,
/// header <c>v1,&lt;base64&gt;</c> (space-separated list).
/// </summary>
internal static class StandardWebhookCheck
{
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public static bool IsSigned(ReceivedPost post, string secret)
    {
        var id = post.Header("webhook-id");
        var timestamp = post.Header("webhook-timestamp");
        var signatures = post.Header("webhook-signature");
        if (id is null || timestamp is null || signatures is null)
        {
            return false;
        }
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = "v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{post.Body}")));
        return signatures.Split(' ').Any(s => s == expected);
    }
}
