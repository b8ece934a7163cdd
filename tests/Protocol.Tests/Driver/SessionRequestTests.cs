using System.Text.Json;
using System.Text.RegularExpressions;
using OpenWxCluster.Protocol.Tests.Support;

namespace OpenWxCluster.Protocol.Tests.Driver;

public sealed partial class SessionRequestTests
{
    private const string InitAnswer = "{" + TestDrivers.OkBase + ",\"Count\":1,"
        + "\"User\":{\"Uin\":2100000001,\"UserName\":\"@selfnew\",\"NickName\":\"Me\",\"Sex\":1,\"HeadImgUrl\":\"/cgi-bin/mmwebwx-bin/webwxgeticon?u=1\"},"
        + "\"ContactList\":[{\"UserName\":\"@@g1\",\"NickName\":\"Group\",\"MemberList\":[{\"UserName\":\"@m1\",\"NickName\":\"M1\",\"DisplayName\":\"card\"}]}],"
        + "\"SyncKey\":{\"Count\":2,\"List\":[{\"Key\":1,\"Val\":11},{\"Key\":2,\"Val\":22}]},"
        + "\"SKey\":\"@crypt_fresh\",\"ChatSet\":\"filehelper,@@g1,@abc,\"}";

    [Fact]
    public async Task Init_posts_BaseRequest_and_reads_SKey_User_SyncKey_and_ChatSet()
    {
        var handler = new RecordingHandler().EnqueueJson(InitAnswer);
        var session = TestDrivers.Session();
        var result = await TestDrivers.Create(handler).InitAsync(session);

        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxinit", request.Uri.GetLeftPart(UriPartial.Path));
        Assert.InRange(long.Parse(request.Query("r")!), int.MinValue, -1);
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        Assert.Contains("pass_ticket=PT%2FSECRET%2B1%3D", request.Uri.Query);
        Assert.Equal("https://wx2.qq.com/", request.Header("Referer"));
        AssertBaseRequest(request.Json.GetProperty("BaseRequest"));

        Assert.Equal("@selfnew", result.User.UserName);
        Assert.Equal("@selfnew", session.UserName);
        Assert.Equal("@crypt_fresh", session.Skey);
        Assert.Equal("1_11|2_22", session.SyncKey.ToString());
        Assert.Equal(["filehelper", "@@g1", "@abc"], result.ChatSet);
        var group = Assert.Single(result.ContactList);
        Assert.True(group.IsGroup);
        Assert.Equal("card", Assert.Single(group.MemberList).DisplayName);
    }

    [Fact]
    public async Task BaseRequest_DeviceID_is_fresh_on_every_call()
    {
        var handler = new RecordingHandler().EnqueueJson(InitAnswer).EnqueueJson(InitAnswer);
        var driver = TestDrivers.Create(handler);
        await driver.InitAsync(TestDrivers.Session());
        await driver.InitAsync(TestDrivers.Session());

        var ids = handler.Requests.Select(r => r.Json.GetProperty("BaseRequest").GetProperty("DeviceID").GetString()).ToList();
        Assert.All(ids, id => Assert.Matches(DeviceIdRegex(), id));
        Assert.NotEqual(ids[0], ids[1]);
    }

    [Fact]
    public async Task StatusNotify_sends_code_from_self_to_target()
    {
        var handler = new RecordingHandler().EnqueueJson("{" + TestDrivers.OkBase + ",\"MsgID\":\"1\"}");
        await TestDrivers.Create(handler).StatusNotifyAsync(TestDrivers.Session(), 3, "@self0000");

        var request = Assert.Single(handler.Requests);
        Assert.Equal("/cgi-bin/mmwebwx-bin/webwxstatusnotify", request.Uri.AbsolutePath);
        Assert.Equal("PT/SECRET+1=", request.Query("pass_ticket"));
        var body = request.Json;
        Assert.Equal(3, body.GetProperty("Code").GetInt32());
        Assert.Equal("@self0000", body.GetProperty("FromUserName").GetString());
        Assert.Equal("@self0000", body.GetProperty("ToUserName").GetString());
        Assert.True(body.GetProperty("ClientMsgId").GetInt64() > 1_600_000_000_000);
        AssertBaseRequest(body.GetProperty("BaseRequest"));
    }

    [Fact]
    public async Task GetContacts_follows_Seq_until_zero()
    {
        var handler = new RecordingHandler()
            .EnqueueJson("{" + TestDrivers.OkBase + ",\"MemberCount\":2,\"MemberList\":[{\"UserName\":\"@a\"},{\"UserName\":\"@b\"}],\"Seq\":123}")
            .EnqueueJson("{" + TestDrivers.OkBase + ",\"MemberCount\":1,\"MemberList\":[{\"UserName\":\"@@c\",\"NickName\":\"G\"}],\"Seq\":0}");
        var contacts = await TestDrivers.Create(handler).GetContactsAsync(TestDrivers.Session());

        Assert.Equal(["@a", "@b", "@@c"], contacts.Select(c => c.UserName));
        Assert.Equal(2, handler.Requests.Count);
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal(HttpMethod.Get, r.Method);
            Assert.Equal("https://wx2.qq.com/cgi-bin/mmwebwx-bin/webwxgetcontact", r.Uri.GetLeftPart(UriPartial.Path));
            Assert.Equal("@crypt_SKEYSECRET", r.Query("skey"));
            Assert.Equal("PT/SECRET+1=", r.Query("pass_ticket"));
            Assert.True(long.Parse(r.Query("r")!) > 0);
        });
        Assert.Equal("0", handler.Requests[0].Query("seq"));
        Assert.Equal("123", handler.Requests[1].Query("seq"));
    }

    [Fact]
    public async Task BatchGetContacts_chunks_by_50_and_marks_groups_and_members()
    {
        var handler = new RecordingHandler
        {
            Fallback = r => RecordingHandler.Text(
                "{" + TestDrivers.OkBase + ",\"ContactList\":["
                + string.Join(',', r.Json.GetProperty("List").EnumerateArray().Select(i => $"{{\"UserName\":\"{i.GetProperty("UserName").GetString()}\"}}"))
                + "]}"),
        };
        var items = new List<WxBatchItem> { new("@@group1") };
        items.AddRange(Enumerable.Range(0, 119).Select(i => new WxBatchItem($"@member{i}", "@encry1")));
        var contacts = await TestDrivers.Create(handler).BatchGetContactsAsync(TestDrivers.Session(), items);

        Assert.Equal(120, contacts.Count);
        Assert.Equal([50, 50, 20], handler.Requests.Select(r => r.Json.GetProperty("Count").GetInt32()));
        Assert.All(handler.Requests, r =>
        {
            Assert.Equal("/cgi-bin/mmwebwx-bin/webwxbatchgetcontact", r.Uri.AbsolutePath);
            Assert.Equal("ex", r.Query("type"));
            Assert.Equal(r.Json.GetProperty("Count").GetInt32(), r.Json.GetProperty("List").GetArrayLength());
            AssertBaseRequest(r.Json.GetProperty("BaseRequest"));
        });
        var first = handler.Requests[0].Json.GetProperty("List");
        Assert.Equal("", first[0].GetProperty("ChatRoomId").GetString());
        Assert.False(first[0].TryGetProperty("EncryChatRoomId", out _));
        Assert.Equal("@encry1", first[1].GetProperty("EncryChatRoomId").GetString());
    }

    private static void AssertBaseRequest(JsonElement baseRequest)
    {
        Assert.Equal(2100000001, baseRequest.GetProperty("Uin").GetInt64());
        Assert.Equal("SIDSECRET01", baseRequest.GetProperty("Sid").GetString());
        Assert.Equal("@crypt_SKEYSECRET", baseRequest.GetProperty("Skey").GetString());
        Assert.Matches(DeviceIdRegex(), baseRequest.GetProperty("DeviceID").GetString());
    }

    [GeneratedRegex("^e[0-9]{15}$")]
    private static partial Regex DeviceIdRegex();
}
