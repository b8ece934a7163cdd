using System.Text;

namespace OpenWxCluster.Protocol.Web;

/// <summary>A fully read upstream answer.</summary>
internal sealed record WxHttpReply(int StatusCode, byte[] Body, string? MediaType)
{
    public string Text => Encoding.UTF8.GetString(Body);
}
