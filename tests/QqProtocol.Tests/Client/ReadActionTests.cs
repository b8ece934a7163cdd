using OpenWxCluster.QqProtocol.Tests.Support;

namespace OpenWxCluster.QqProtocol.Tests.Client;

/// <summary>Reads against the loopback stub: request shape and tolerant decoding of the answers.</summary>
public sealed class ReadActionTests
{
    [Fact]
    public async Task GetLoginInfo_posts_to_the_action_path_with_bearer_token_and_json()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"user_id":10001,"nickname":"bot"}""");

        var info = await Clients.For(stub).GetLoginInfoAsync();

        Assert.Equal(new QqLoginInfo(10001, "bot"), info);
        var request = Assert.Single(stub.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/get_login_info", request.Path);
        Assert.Equal($"Bearer {OneBotStub.Token}", request.Authorization);
        Assert.StartsWith("application/json", request.ContentType, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetStatus_reads_online_and_good_and_leaves_a_missing_online_null()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"online":false,"good":true}""");
        Assert.Equal(new QqStatus(false, true), await Clients.For(stub).GetStatusAsync());

        stub.Answer = _ => StubAnswer.Ok("""{"good":true}""");
        Assert.Equal(new QqStatus(null, true), await Clients.For(stub).GetStatusAsync());
    }

    [Fact]
    public async Task Lists_decode_friends_groups_and_members()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = r => r.Path switch
        {
            "/get_friend_list" => StubAnswer.Ok("""[{"user_id":1,"nickname":"a","remark":"A"},{"user_id":"2","nickname":"b"}]"""),
            "/get_group_list" => StubAnswer.Ok("""[{"group_id":100,"group_name":"g","member_count":3,"max_member_count":200}]"""),
            "/get_group_member_list" => StubAnswer.Ok("""[{"group_id":100,"user_id":1,"nickname":"a","card":"Card","role":"owner"}]"""),
            _ => new StubAnswer(404, null),
        };
        var client = Clients.For(stub);

        Assert.Equal([new QqFriend(1, "a", "A"), new QqFriend(2, "b", "")], await client.GetFriendListAsync());
        Assert.Equal([new QqGroup(100, "g", 3, 200)], await client.GetGroupListAsync());
        var member = Assert.Single(await client.GetGroupMemberListAsync(100));
        Assert.Equal(("Card", QqGroupRole.Owner), (member.Card, member.Role));
        Assert.Equal(100, stub.Requests[^1].Body.GetProperty("group_id").GetInt64());
    }

    [Fact]
    public async Task Friends_with_category_are_flattened_with_their_category_name_and_a_missing_action_is_1404()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = r => r.Path == "/get_friends_with_category"
            ? StubAnswer.Ok("""[{"categoryId":0,"categoryName":"我的好友","buddyList":[{"user_id":1,"nickname":"a","remark":"A"}]},{"categoryId":2,"categoryName":"同学","buddyList":[{"user_id":"2","nickname":"b"}]},{"categoryId":3,"categoryName":"空"}]""")
            : new StubAnswer(404, null);
        var client = Clients.For(stub);

        Assert.Equal([new QqFriend(1, "a", "A", "我的好友"), new QqFriend(2, "b", "", "同学")], await client.GetFriendsWithCategoryAsync());
        stub.Answer = _ => new StubAnswer(404, null);
        Assert.Equal(1404, (await Assert.ThrowsAsync<QqRetcodeException>(() => client.GetFriendsWithCategoryAsync())).Retcode);
    }

    [Fact]
    public async Task GetGroupMemberInfo_sends_ids_and_no_cache_and_accepts_string_ids()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok(
            """{"group_id":"100","user_id":"42","nickname":"n","card":"","role":"admin","title":"t","join_time":5,"last_sent_time":6}""");

        var member = await Clients.For(stub).GetGroupMemberInfoAsync(100, 42, noCache: true);

        Assert.Equal(new QqGroupMember(100, 42, "n", "", QqGroupRole.Admin, "t", 5, 6), member);
        var body = Assert.Single(stub.Requests).Body;
        Assert.Equal(42, body.GetProperty("user_id").GetInt64());
        Assert.True(body.GetProperty("no_cache").GetBoolean());
    }

    [Fact]
    public async Task GetGroupInfo_decodes_the_group()
    {
        await using var stub = await OneBotStub.StartAsync();
        stub.Answer = _ => StubAnswer.Ok("""{"group_id":7,"group_name":"seven","member_count":1,"max_member_count":10}""");

        Assert.Equal(new QqGroup(7, "seven", 1, 10), await Clients.For(stub).GetGroupInfoAsync(7));
        Assert.Equal("/get_group_info", Assert.Single(stub.Requests).Path);
    }
}
