using OpenWxCluster.Grains.Account;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.UnitTests;

public sealed class MessageMapperTests
{
    private static readonly ContactInfo Self = new() { Id = "@self", Name = "Me", Account = "me_wx" };

    private static readonly ContactInfo Alice = new()
    {
        Id = "@alice", Name = "Alice", Account = "alice_wx", Markname = "Ali", Category = "好友",
    };

    private static readonly ContactInfo Carol = new() { Id = "@carol", Name = "Carol", Category = "好友" };

    private static readonly ContactInfo BobInTeam = new() { Id = "@bob", Markname = "Bob", Display = "Bob (team card)" };

    private static readonly ContactInfo AliceInTeam = new() { Id = "@alice", Markname = "Alice", Display = "Alice (team card)" };

    private static readonly GroupInfo Team = new() { Id = "@@team", Name = "Team", Members = [BobInTeam, AliceInTeam] };

    private static readonly ContactLookup Contacts = new([Alice, Carol], [Team]);

    [Fact]
    public void A_received_friend_message_names_the_friend_as_sender_and_the_user_as_receiver()
    {
        var m = Message("@alice", "@self");

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal(
            new ChatMessage
            {
                Id = "7001",
                Time = 1700000123,
                Content = "hello",
                Type = "friend_message",
                Class = "recv",
                Format = "text",
                Source = "",
                SenderId = "@alice",
                ReceiverId = "@self",
                Sender = "Ali",
                SenderAccount = "alice_wx",
                SenderName = "Alice",
                SenderMarkname = "Ali",
                SenderCategory = "好友",
                Receiver = "Me",
                ReceiverAccount = "me_wx",
                ReceiverName = "Me",
                ReceiverMarkname = "",
                Extra = chat.Extra,
            },
            chat);
        Assert.Empty(chat.Extra);
    }

    [Fact]
    public void A_message_sent_from_the_phone_to_a_friend_names_the_user_as_sender_and_the_friend_as_receiver()
    {
        var m = Message("@self", "@alice") with { Class = "send", Source = "outer" };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal(("Me", "me_wx", "Me", ""), (chat.Sender, chat.SenderAccount, chat.SenderName, chat.SenderMarkname));
        Assert.Equal(("Ali", "alice_wx", "Alice", "Ali"), (chat.Receiver, chat.ReceiverAccount, chat.ReceiverName, chat.ReceiverMarkname));
        Assert.Null(chat.Group);
    }

    [Fact]
    public void A_group_message_names_the_member_the_user_and_the_group()
    {
        var m = GroupMessage("@bob");

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal(
            ("Bob (team card)", "", "", "Bob", ""),
            (chat.Sender, chat.SenderAccount, chat.SenderName, chat.SenderMarkname, chat.SenderCategory));
        Assert.Equal(("Me", "Me"), (chat.Receiver, chat.ReceiverName));
        Assert.Equal(("@@team", "Team", "Team"), (chat.GroupId, chat.Group, chat.GroupName));
    }

    [Fact]
    public void In_a_group_the_sender_is_the_member_even_when_also_a_friend()
    {
        var chat = MessageMapper.ToChat(GroupMessage("@alice"), Self, Contacts);

        Assert.Equal(("Alice (team card)", "Alice", ""), (chat.Sender, chat.SenderMarkname, chat.SenderCategory));
    }

    [Fact]
    public void A_group_sender_missing_from_the_member_list_is_looked_up_among_friends()
    {
        var chat = MessageMapper.ToChat(GroupMessage("@carol"), Self, Contacts);

        Assert.Equal(("Carol", "Carol", "好友"), (chat.Sender, chat.SenderName, chat.SenderCategory));
        Assert.Equal("Team", chat.Group);
    }

    [Fact]
    public void An_unknown_group_sender_leaves_the_sender_names_unset()
    {
        var chat = MessageMapper.ToChat(GroupMessage("@stranger"), Self, Contacts);

        Assert.Equal("@stranger", chat.SenderId);
        Assert.Null(chat.Sender);
        Assert.Null(chat.SenderName);
        Assert.Equal("Team", chat.Group);
    }

    [Fact]
    public void A_group_message_without_a_member_prefix_has_no_sender()
    {
        var chat = MessageMapper.ToChat(GroupMessage(null), Self, Contacts);

        Assert.Null(chat.SenderId);
        Assert.Null(chat.Sender);
        Assert.Equal("Me", chat.Receiver);
        Assert.Equal("Team", chat.Group);
    }

    [Fact]
    public void A_group_notice_has_no_sender_names()
    {
        var m = GroupMessage("@bob") with { Type = "group_notice", Content = "Bob joined" };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal("@bob", chat.SenderId);
        Assert.Null(chat.Sender);
        Assert.Null(chat.SenderAccount);
        Assert.Null(chat.SenderName);
        Assert.Null(chat.SenderMarkname);
        Assert.Null(chat.SenderCategory);
        Assert.Equal("Me", chat.Receiver);
        Assert.Equal(("Team", "Team"), (chat.Group, chat.GroupName));
    }

    [Fact]
    public void A_group_message_sent_by_the_user_has_no_receiver_even_if_an_id_is_given()
    {
        var m = GroupMessage(null) with { Class = "send", Source = "outer", SenderId = "@self", ReceiverId = "@alice" };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal("Me", chat.Sender);
        Assert.Null(chat.Receiver);
        Assert.Null(chat.ReceiverName);
        Assert.Equal("Team", chat.Group);
    }

    [Fact]
    public void An_unknown_group_id_leaves_the_group_names_unset()
    {
        var m = GroupMessage("@bob") with { GroupId = "@@other" };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal("@@other", chat.GroupId);
        Assert.Null(chat.Group);
        Assert.Null(chat.GroupName);
        Assert.Null(chat.Sender); // @bob is a member of another group, not a friend
    }

    [Fact]
    public void Before_the_user_is_known_the_receiver_is_only_looked_up_among_friends()
    {
        var chat = MessageMapper.ToChat(Message("@alice", "@self"), self: null, Contacts);

        Assert.Equal("Ali", chat.Sender);
        Assert.Null(chat.Receiver);
    }

    [Fact]
    public void Media_app_card_and_revoke_fields_go_to_extra_by_mojo_name()
    {
        var m = Message("@alice", "@self") with
        {
            MediaId = "7001:3",
            MediaType = "image",
            MediaCode = 3,
            MediaName = "photo.jpg",
            MediaSize = "1024",
            AppId = "wx123",
            AppTitle = "title",
            AppName = "app",
            AppUrl = "https://example.invalid/a",
            AppDesc = "desc",
            CardId = "@card",
            CardName = "Card",
            CardAccount = "card_wx",
            RevokeId = "6999",
        };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal(
            [
                ("app_desc", "desc"), ("app_id", "wx123"), ("app_name", "app"), ("app_title", "title"),
                ("app_url", "https://example.invalid/a"), ("card_account", "card_wx"), ("card_id", "@card"),
                ("card_name", "Card"), ("media_code", "3"), ("media_id", "7001:3"), ("media_name", "photo.jpg"),
                ("media_size", "1024"), ("media_type", "image"), ("revoke_id", "6999"),
            ],
            Sorted(chat.Extra));
    }

    [Fact]
    public void Empty_and_missing_extra_fields_are_left_out()
    {
        var m = Message("@alice", "@self") with { MediaId = "", MediaType = "voice", MediaCode = null, AppTitle = "", RevokeId = null };

        var chat = MessageMapper.ToChat(m, Self, Contacts);

        Assert.Equal([("media_type", "voice")], Sorted(chat.Extra));
    }

    private static WxMessage Message(string? senderId, string? receiverId) => new()
    {
        Id = "7001",
        Time = 1700000123,
        Content = "hello",
        SenderId = senderId,
        ReceiverId = receiverId,
    };

    private static WxMessage GroupMessage(string? memberId) =>
        Message(memberId, "@self") with { Type = "group_message", GroupId = "@@team" };

    private static (string, string)[] Sorted(IReadOnlyDictionary<string, string> extra) =>
        [.. extra.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => (p.Key, p.Value))];
}
