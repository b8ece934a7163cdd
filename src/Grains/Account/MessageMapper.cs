using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.Account;

/// <summary>
/// Parsed protocol messages → <see cref="ChatMessage"/> with the derived names Mojo reports (sender_name,
/// group_name...). Name lookups come from one batched read of the friends and groups grains per sync batch.
/// </summary>
public static class MessageMapper
{
    /// <summary>Marker appended to cut text; {0} is the original length in characters.</summary>
    public const string TruncationMarker = "…[truncated: {0} characters in all]";

    /// <summary>Text past <paramref name="maxLength"/> characters, cut (never inside a surrogate pair) and marked.</summary>
    public static string Cap(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return text;
        }
        var cut = maxLength > 0 && char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        return text[..cut] + string.Format(System.Globalization.CultureInfo.InvariantCulture, TruncationMarker, text.Length);
    }

    public static ChatMessage ToChat(WxMessage m, ContactInfo? self, ContactLookup contacts, int maxTextLength = int.MaxValue)
    {
        var group = m.GroupId is null ? null : contacts.Group(m.GroupId);
        var sender = ResolvePerson(m.SenderId, self, group, contacts);
        var receiver = m.Type == "group_message" && m.Class == "send" ? null : ResolvePerson(m.ReceiverId, self, group, contacts);
        var notice = m.Type == "group_notice";
        return new ChatMessage
        {
            Id = m.Id,
            Time = m.Time,
            Content = Cap(m.Content, maxTextLength),
            Type = m.Type,
            Class = m.Class,
            Format = m.Format,
            Source = m.Source,
            SenderId = m.SenderId,
            ReceiverId = m.ReceiverId,
            GroupId = m.GroupId,
            Sender = notice ? null : sender?.DisplayName,
            SenderAccount = notice ? null : sender?.Account,
            SenderName = notice ? null : sender?.Name,
            SenderMarkname = notice ? null : sender?.Markname,
            SenderCategory = notice ? null : sender?.Category,
            Receiver = receiver?.DisplayName,
            ReceiverAccount = receiver?.Account,
            ReceiverName = receiver?.Name,
            ReceiverMarkname = receiver?.Markname,
            Group = group?.DisplayName,
            GroupName = group?.Name,
            Extra = Extras(m),
        };
    }

    private static ContactInfo? ResolvePerson(string? id, ContactInfo? self, GroupInfo? group, ContactLookup contacts)
    {
        if (id is null)
        {
            return null;
        }
        if (self is not null && id == self.Id)
        {
            return self;
        }
        return group?.Members.FirstOrDefault(x => x.Id == id) ?? contacts.Friend(id);
    }

    private static Dictionary<string, string> Extras(WxMessage m)
    {
        var extra = new Dictionary<string, string>(StringComparer.Ordinal);
        void Put(string key, string? value)
        {
            if (!string.IsNullOrEmpty(value))
            {
                extra[key] = value;
            }
        }
        Put("media_id", m.MediaId);
        Put("media_type", m.MediaType);
        Put("media_code", m.MediaCode?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Put("media_name", m.MediaName);
        Put("media_size", m.MediaSize);
        Put("app_id", m.AppId);
        Put("app_title", m.AppTitle);
        Put("app_name", m.AppName);
        Put("app_url", m.AppUrl);
        Put("app_desc", m.AppDesc);
        Put("card_id", m.CardId);
        Put("card_name", m.CardName);
        Put("card_account", m.CardAccount);
        Put("revoke_id", m.RevokeId);
        return extra;
    }
}
