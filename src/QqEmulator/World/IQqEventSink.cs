using System.Text.Json.Nodes;

namespace OpenWxCluster.QqEmulator.World;

/// <summary>Receives every event the world raises for a bot, in order; called under the world's lock, so it must not block.</summary>
public interface IQqEventSink
{
    void Emit(long selfId, JsonObject evt);
}
