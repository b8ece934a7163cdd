using System.Text.Json.Nodes;
using OpenWxCluster.QqEmulator.World;

namespace OpenWxCluster.QqEmulator.OneBot;

/// <summary>NapCat's <c>get_friends_with_category</c>: the bot's friend groups, each with its friends.</summary>
internal static partial class OneBotActions
{
    private static JsonNode? FriendsWithCategory(QqWorld world, long selfId, ActionParameters p) =>
        new JsonArray([.. world.FriendCategories(selfId).Select(c => (JsonNode)new JsonObject
        {
            ["categoryId"] = c.CategoryId,
            ["categorySortId"] = c.CategoryId,
            ["categoryName"] = c.Name,
            ["categoryMbCount"] = c.Friends.Count,
            ["onlineCount"] = 0,
            ["buddyList"] = new JsonArray([.. c.Friends.Select(u => (JsonNode)new JsonObject
            {
                ["user_id"] = u.UserId,
                ["nickname"] = u.Nickname,
                ["remark"] = "",
                ["sex"] = u.Sex,
                ["age"] = u.Age,
                ["category_id"] = c.CategoryId,
            })]),
        })]);
}
