using Microsoft.Extensions.DependencyInjection;

namespace OpenWxCluster.Grains.Qq;

// Openwx's post_message_filter for QQ accounts (Mojo-Webqq never had one: QQ#174 asked for it).
public sealed partial class QqAccountGrain
{
    /// <summary>
    /// Queues a message unless the account's post_message_filter refuses it. The filter is judged on the Openqq
    /// JSON the message is posted as, so its keys are Openqq's (sender_uid, group_uid, seed 003's msg_class...).
    /// </summary>
    private void EmitMessage(ChatMessage message)
    {
        var postType = message.Class == "send" ? AccountEvent.SendMessage : AccountEvent.ReceiveMessage;
        if (S.Options.MessageFilter is { Count: > 0 } filter
            && ServiceProvider.GetService<IWebhookFormat>() is { } format
            && !format.Passes(AccountKey.QQ, message, postType, filter))
        {
            return;
        }
        Outbox.Add(postType, null, [], message);
    }
}
