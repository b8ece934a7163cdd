using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using static OpenWxCluster.WebFront.MojoParam;

namespace OpenWxCluster.WebFront;

/// <summary>
/// search_friend / search_group: every parameter except the reserved ones (client, token, datatype, callback, _)
/// is an attribute to match; keys are ANDed with exact equality, and no key finds nothing (Mojo's <c>_search</c>).
/// </summary>
internal static class SearchEndpoints
{
    private static readonly HashSet<string> FriendLookupKeys = new(StringComparer.Ordinal) { "id", "account", "displayname", "markname" };
    private static readonly HashSet<string> GroupLookupKeys = new(StringComparer.Ordinal) { "id", "displayname" };

    public static IEndpointRouteBuilder MapSearchEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMojo("search_friend", SearchFriendAsync)
            .WithSummary("Friends whose attributes equal every given one (any Friend field)")
            .AcceptsMore(MojoParams.FriendLookup).Answers(MojoShapes.Friends);
        endpoints.MapMojo("search_group", SearchGroupAsync)
            .WithSummary("Groups whose attributes equal every given one (id, uid, name, owner_uid, displayname)")
            .AcceptsMore(MojoParams.GroupLookup).Answers(MojoShapes.Groups);
        return endpoints;
    }

    internal static async Task<IResult> SearchFriendAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var keys = parameters.Unreserved.ToList();
        if (Refuse(keys, ContactFields.FriendKeys) is { } refusal)
        {
            return refusal;
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }

        var friendsGrain = grains.ForKey<IFriendsGrain>(check.Key);
        IEnumerable<ContactInfo> found;
        if (keys.All(k => FriendLookupKeys.Contains(k.Key)))
        {
            // The grain filters by these four itself, so only the matches cross the wire.
            var lookup = new FriendLookup(Value(keys, "id"), Value(keys, "account"), Value(keys, "displayname"), Value(keys, "markname"));
            found = await friendsGrain.SearchAsync(lookup);
        }
        else
        {
            var all = await friendsGrain.GetAllAsync();
            found = all.Where(f => keys.All(k => ContactFields.FriendValue(f, k.Key) == k.Value));
        }
        var matches = found.ToList();
        return matches.Count == 0 ? NotFound() : ContactJson.FriendsReply(matches);
    }

    internal static async Task<IResult> SearchGroupAsync(
        MojoParameters parameters, [FromServices] IGrainFactory grains, [FromServices] IOptions<OpenWxApiOptions> options)
    {
        var keys = parameters.Unreserved.ToList();
        if (Refuse(keys, ContactFields.GroupKeys) is { } refusal)
        {
            return refusal;
        }
        var check = await AccountGate.OpenAsync(grains, parameters, options.Value.DefaultClient, requireRunning: true);
        if (!check.IsOk)
        {
            return check.Error!;
        }

        var groupsGrain = grains.ForKey<IGroupsGrain>(check.Key);
        IEnumerable<GroupInfo> found;
        if (keys.All(k => GroupLookupKeys.Contains(k.Key)))
        {
            found = await groupsGrain.SearchAsync(new GroupLookup(Value(keys, "id"), Value(keys, "displayname")));
        }
        else
        {
            var all = await groupsGrain.GetAllAsync();
            found = all.Where(g => keys.All(k => ContactFields.GroupValue(g, k.Key) == k.Value));
        }
        var matches = found.ToList();
        return matches.Count == 0 ? NotFound() : GroupJson.GroupsReply(matches);
    }

    /// <summary>Unknown attribute names are a client error (code -1); no key at all is Mojo's "object not found".</summary>
    internal static IResult? Refuse(IReadOnlyList<KeyValuePair<string, string>> keys, IReadOnlyList<string> allowed)
    {
        var unknown = keys.Select(k => k.Key).Where(k => !allowed.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            return MojoReply.Error(-1, $"unknown search key: {string.Join(", ", unknown)} (allowed: {string.Join(", ", allowed)})");
        }
        return keys.Count == 0 ? NotFound() : null;
    }

    private static MojoReply NotFound() => MojoReply.Error(SendCodes.ObjectNotFound, "object not found");

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> keys, string name) =>
        keys.Where(k => k.Key == name).Select(k => k.Value).FirstOrDefault();
}
