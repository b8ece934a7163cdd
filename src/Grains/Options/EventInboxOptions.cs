namespace OpenWxCluster.Grains.Options;

/// <summary>check_event buffer settings (config section <c>OpenWx:Inbox</c>).</summary>
public sealed class EventInboxOptions
{
    /// <summary>Mojo's check_event_list_max_size; when full the oldest event is dropped.</summary>
    public int Capacity { get; set; } = 20;
}
