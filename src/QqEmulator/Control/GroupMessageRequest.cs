using System.Text.Json.Nodes;

namespace OpenWxCluster.QqEmulator.Control;

/// <summary>POST /control/groups/{id}/messages (and /control/discusses/{id}/messages): a member writes there; Message is a CQ string or segments.</summary>
public sealed record GroupMessageRequest(long UserId, JsonNode? Message);
