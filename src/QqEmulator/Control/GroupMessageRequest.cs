using System.Text.Json.Nodes;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/groups/{id}/messages: a member writes to the group; Message is a CQ string or segments.</summary>
public sealed record GroupMessageRequest(long UserId, JsonNode? Message);
