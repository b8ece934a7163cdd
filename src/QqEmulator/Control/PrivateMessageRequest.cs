using System.Text.Json.Nodes;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/messages/private: a user writes to a bot; Message is a CQ string or segments; GroupId makes it a temp session.</summary>
public sealed record PrivateMessageRequest(long UserId, long SelfId, JsonNode? Message, long? GroupId = null);
