namespace OpenWxCluster.Persistence.Storage;

/// <summary>
/// One grain state write waiting for its batch: the row's identity within the service, the serialized state, the version the writer
/// holds (null: first write), and the writer's completion, the new version or null on a version conflict.
/// </summary>
internal sealed record PendingStateWrite(
    string GrainType,
    int GrainTypeHash,
    string Key,
    int KeyHash,
    byte[] Payload,
    int? Version)
{
    public TaskCompletionSource<int?> Written { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
