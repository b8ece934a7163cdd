using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.OneBot;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>A message as the control API shows it: Text is the CQ string, Segments the OneBot array; DiscussId for discuss messages.</summary>
public sealed record MessageInfo(int MessageId, string MessageType, long SenderId, long PeerId, long? GroupId, string Text, JsonArray Segments, bool Recalled, long? DiscussId = null)
{
    public static MessageInfo From(QqMessage m)
    {
        ArgumentNullException.ThrowIfNull(m);
        return new(m.MessageId, m.MessageType, m.SenderId, m.PeerId, m.GroupId, CqCode.Render(m.Message), SegmentJson.ToJson(m.Message), m.Recalled, m.DiscussId);
    }
}
