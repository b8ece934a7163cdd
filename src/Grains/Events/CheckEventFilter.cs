namespace OpenWxCluster.Grains.Events;

/// <summary>
/// Which events Mojo queues for check_event: messages, and contact/request events. login, stop, state_change,
/// input_qrcode and update_* are never queued there (they only go to post_api).
/// </summary>
public static class CheckEventFilter
{
    public static bool Accepts(AccountEvent e) => e.PostType switch
    {
        AccountEvent.ReceiveMessage or AccountEvent.SendMessage => true,
        AccountEvent.EventPost => e.Event is { } name
            && (name.StartsWith("new_", StringComparison.Ordinal)
                || name.StartsWith("lose_", StringComparison.Ordinal)
                || name.EndsWith("_property_change", StringComparison.Ordinal)
                || name == "friend_request"
                // Our addition: a send refused by risk control concerns whoever sends, polling or not.
                || name == "risk_control"),
        _ => false,
    };
}
