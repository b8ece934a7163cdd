using OpenWxCluster.Grains.Contacts;
using OpenWxCluster.Protocol;

namespace OpenWxCluster.Grains.UnitTests;

public sealed class ContactMapperTests
{
    /// <summary>Every id Mojo classifies as 系统帐号.</summary>
    public static TheoryData<string> SystemIds() =>
    [
        "filehelper", "fmessage", "newsapp", "weixin", "floatbottle", "medianote", "qqmail", "qmessage",
        "qqsync", "tmessage", "weibo", "qqfriend", "recommendcontact", "voicevoip", "blogappweixin",
        "masssendapp", "meishiapp", "feedsapp", "voip", "blogapp", "officialaccounts", "lbsapp", "shakeapp",
        "userexperience_alarm", "notification_messages", "helper_entry", "mphelper", "qqmailbox",
    ];

    [Fact]
    public void A_friend_gets_mojo_field_meanings()
    {
        var friend = ContactMapper.ToFriend(Person("@friend1") with { Uin = 2100000001 });

        Assert.Equal(
            new ContactInfo
            {
                Id = "@friend1",
                Uid = "2100000001",
                Name = "Nick @friend1",
                Account = "alias_@friend1",
                Province = "广东",
                City = "深圳",
                Signature = "sig",
                Sex = "female",
                Display = "Card @friend1",
                Markname = "Remark @friend1",
                Category = "好友",
            },
            friend);
    }

    [Fact]
    public void The_user_is_a_friend_record_without_a_category()
    {
        var user = ContactMapper.ToUser(Person("@self") with { Uin = 7 });

        Assert.Equal(ContactMapper.ToFriend(Person("@self") with { Uin = 7 }) with { Category = "" }, user);
        Assert.Equal("Nick @self", user.Name);
    }

    [Fact]
    public void A_zero_uin_leaves_uid_empty()
    {
        Assert.Equal("", ContactMapper.ToFriend(Person("@friend1") with { Uin = 0 }).Uid);
    }

    [Theory]
    [InlineData(0, "")]
    [InlineData(1, "male")]
    [InlineData(2, "female")]
    [InlineData(3, "")]
    public void Sex_is_named_as_mojo_names_it(int sex, string expected)
    {
        var contact = Person("@friend1") with { Sex = sex };

        Assert.Equal(expected, ContactMapper.ToFriend(contact).Sex);
        Assert.Equal(expected, ContactMapper.ToMember(contact).Sex);
    }

    [Theory]
    [MemberData(nameof(SystemIds))]
    public void System_ids_are_system_accounts_even_when_verified(string id)
    {
        Assert.Equal("系统帐号", ContactMapper.ToFriend(new WxContact { UserName = id }).Category);
        Assert.Equal("系统帐号", ContactMapper.ToFriend(new WxContact { UserName = id, VerifyFlag = 8 }).Category);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(24)]
    [InlineData(56)]
    public void Verify_flag_bit_8_makes_a_public_account(int verifyFlag)
    {
        var contact = new WxContact { UserName = "@gh_news", VerifyFlag = verifyFlag };

        Assert.Equal("公众号", ContactMapper.ToFriend(contact).Category);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(4)]
    [InlineData(16)]
    public void Other_contacts_are_friends(int verifyFlag)
    {
        var contact = new WxContact { UserName = "@friend1", VerifyFlag = verifyFlag };

        Assert.Equal("好友", ContactMapper.ToFriend(contact).Category);
    }

    [Fact]
    public void A_member_has_its_nick_name_as_markname_its_group_card_as_display_and_no_name()
    {
        var member = ContactMapper.ToMember(Person("@member1") with { Uin = 2100000002, VerifyFlag = 8 });

        Assert.Equal(
            new ContactInfo
            {
                Id = "@member1",
                Name = "",
                Account = "alias_@member1",
                Province = "广东",
                City = "深圳",
                Signature = "sig",
                Sex = "female",
                Display = "Card @member1",
                Markname = "Nick @member1",
            },
            member);
        Assert.Equal("Card @member1", member.DisplayName);
    }

    [Fact]
    public void A_group_keeps_its_owner_and_chat_room_id_and_maps_its_members()
    {
        var group = ContactMapper.ToGroup(new WxContact
        {
            UserName = "@@group1",
            NickName = "Team",
            OwnerUin = 2100000003,
            EncryChatRoomId = "@enc1",
            MemberList = [Person("@member1"), Person("@member2")],
        });

        Assert.Equal("@@group1", group.Id);
        Assert.Equal("Team", group.Name);
        Assert.Equal("2100000003", group.OwnerUid);
        Assert.Equal("@enc1", group.EncryChatRoomId);
        Assert.Equal("", group.Uid);
        Assert.Equal([ContactMapper.ToMember(Person("@member1")), ContactMapper.ToMember(Person("@member2"))], group.Members);
    }

    [Fact]
    public void A_group_without_owner_uin_has_an_empty_owner_uid()
    {
        var group = ContactMapper.ToGroup(new WxContact { UserName = "@@group1", OwnerUin = 0 });

        Assert.Equal("", group.OwnerUid);
        Assert.Empty(group.Members);
    }

    [Fact]
    public void The_built_in_file_helper_is_what_the_contact_list_entry_would_map_to()
    {
        var fromContactList = ContactMapper.ToFriend(new WxContact { UserName = "filehelper", NickName = "文件传输助手" });

        Assert.Equal(fromContactList, ContactMapper.FileHelper);
        Assert.Equal("文件传输助手", ContactMapper.FileHelper.DisplayName);
    }

    private static WxContact Person(string id) => new()
    {
        UserName = id,
        NickName = $"Nick {id}",
        RemarkName = $"Remark {id}",
        DisplayName = $"Card {id}",
        Alias = $"alias_{id}",
        Province = "广东",
        City = "深圳",
        Signature = "sig",
        Sex = 2,
    };
}
