using System.Text.Json;
using OpenWxCluster.Protocol.Web;

namespace OpenWxCluster.Protocol.Tests.Parser;

public sealed class ContactAndSyncReaderTests
{
    private static readonly IReadOnlyList<WxContact> NoMembers = [];

    [Fact]
    public void A_contact_is_read_field_by_field_with_numbers_as_numbers_or_strings()
    {
        using var doc = JsonDocument.Parse("""
            {"UserName":"@@g1","NickName":"Team","RemarkName":"Remark","DisplayName":"Card","Alias":"team_alias",
             "Province":"广东","City":"深圳","Signature":"sig","Sex":"2","VerifyFlag":24,"Uin":"2100000001",
             "OwnerUin":2100000002,"HeadImgUrl":"/cgi-bin/mmwebwx-bin/webwxgetheadimg?u=1","EncryChatRoomId":"@enc",
             "MemberList":[{"UserName":"@m1","NickName":"M1"},{"UserName":"","NickName":"nobody"},{"NickName":"no id"}]}
            """);

        var contact = WxContactReader.Read(doc.RootElement);

        Assert.Equal(
            new WxContact
            {
                UserName = "@@g1",
                NickName = "Team",
                RemarkName = "Remark",
                DisplayName = "Card",
                Alias = "team_alias",
                Province = "广东",
                City = "深圳",
                Signature = "sig",
                Sex = 2,
                VerifyFlag = 24,
                Uin = 2100000001,
                OwnerUin = 2100000002,
                HeadImgUrl = "/cgi-bin/mmwebwx-bin/webwxgetheadimg?u=1",
                EncryChatRoomId = "@enc",
                MemberList = NoMembers,
            },
            contact with { MemberList = NoMembers });
        var member = Assert.Single(contact.MemberList);
        Assert.Equal(("@m1", "M1"), (member.UserName, member.NickName));
    }

    [Fact]
    public void A_contact_list_skips_entries_without_a_user_name()
    {
        using var doc = JsonDocument.Parse("""{"ContactList":[{"UserName":"@a"},{"UserName":""},{"NickName":"x"},{"UserName":"@b"}]}""");

        var list = WxContactReader.ReadList(doc.RootElement, "ContactList");

        Assert.Equal(["@a", "@b"], list.Select(c => c.UserName));
    }

    [Fact]
    public void A_message_is_read_field_by_field()
    {
        using var doc = JsonDocument.Parse("""
            {"MsgId":"6583429473623521098","FromUserName":"@from","ToUserName":"@to","MsgType":49,"Content":"body",
             "CreateTime":1700000123,"AppMsgType":6,"SubMsgType":"3","FileName":"a.pdf","FileSize":"2048","MediaId":"@crypt_1",
             "Url":"http://u","StatusNotifyCode":4,"StatusNotifyUserName":"@a,@b",
             "RecommendInfo":{"UserName":"@new","NickName":"Nick","Content":"hi","Ticket":"v2_t","Alias":"al",
                              "Province":"P","City":"C","Sex":1}}
            """);

        var raw = WxSyncReader.ReadMessage(doc.RootElement);

        Assert.Equal(
            new WxRawMessage
            {
                MsgId = "6583429473623521098",
                FromUserName = "@from",
                ToUserName = "@to",
                MsgType = 49,
                Content = "body",
                CreateTime = 1700000123,
                AppMsgType = 6,
                SubMsgType = 3,
                FileName = "a.pdf",
                FileSize = "2048",
                MediaId = "@crypt_1",
                Url = "http://u",
                StatusNotifyCode = 4,
                StatusNotifyUserName = "@a,@b",
                RecommendInfo = new WxRecommendInfo("@new", "Nick", "hi", "v2_t", "al", "P", "C", 1),
            },
            raw);
    }

    [Theory]
    [InlineData("""{"MsgId":"1"}""")]
    [InlineData("""{"MsgId":"1","RecommendInfo":null}""")]
    [InlineData("""{"MsgId":"1","RecommendInfo":["@new"]}""")]
    [InlineData("""{"MsgId":"1","RecommendInfo":{"UserName":"","NickName":"Nick"}}""")]
    public void Recommend_info_without_a_user_name_is_absent(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Null(WxSyncReader.ReadMessage(doc.RootElement).RecommendInfo);
    }

    [Fact]
    public void A_sync_key_is_read_with_numbers_as_numbers_or_strings()
    {
        using var doc = JsonDocument.Parse("""{"SyncKey":{"Count":2,"List":[{"Key":1,"Val":100},{"Key":"2","Val":"200"}]}}""");

        var key = WxSyncReader.ReadKey(doc.RootElement, "SyncKey");

        Assert.NotNull(key);
        Assert.Equal([new WxSyncKeyItem(1, 100), new WxSyncKeyItem(2, 200)], key.List);
    }

    [Theory]
    [InlineData("""{}""")]
    [InlineData("""{"SyncKey":null}""")]
    [InlineData("""{"SyncKey":[{"Key":1,"Val":100}]}""")]
    public void A_missing_or_malformed_sync_key_is_null(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.Null(WxSyncReader.ReadKey(doc.RootElement, "SyncKey"));
    }

    [Fact]
    public void A_sync_key_is_written_as_count_and_list()
    {
        var json = WxSyncReader.WriteKey(new WxSyncKey([new WxSyncKeyItem(1, 100), new WxSyncKeyItem(2, 200)]));

        Assert.Equal("""{"Count":2,"List":[{"Key":1,"Val":100},{"Key":2,"Val":200}]}""", json.ToJsonString());
    }
}
