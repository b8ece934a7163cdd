using System.Security.Cryptography;
using System.Text;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Emulator.World;

/// <summary>
/// Users, friendships and groups. One lock guards the whole graph: mutations are rare and short, and the hot paths
/// (synccheck) never touch it. Mutations return the wxids whose sessions must be told about the change.
/// </summary>
internal sealed partial class WorldDirectory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, EmuUser> _users = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EmuGroup> _groups = new(StringComparer.Ordinal);
    private readonly HashSet<long> _uins = [];

    public UserInfo CreateUser(CreateUserRequest request)
    {
        lock (_gate)
        {
            var wxid = string.IsNullOrWhiteSpace(request.Wxid) ? "wxid_" + Secrets.Lower(14) : request.Wxid.Trim();
            var user = AddUserLocked(wxid, request.NickName ?? wxid);
            user.Sex = request.Sex;
            user.Province = request.Province ?? "";
            user.City = request.City ?? "";
            user.Signature = request.Signature ?? "";
            user.Alias = request.Alias ?? "";
            user.VerifyFlag = request.PublicAccount ? 8 : 0;
            user.WebLoginRefused = request.WebLoginRefused;
            foreach (var friend in request.Friends ?? [])
            {
                LinkLocked(user, RequireUserLocked(friend), null, null);
            }

            for (var i = 1; i <= request.GeneratedFriends; i++)
            {
                var generatedId = $"{wxid}_f{i:D5}";
                var friend = _users.TryGetValue(generatedId, out var existing)
                    ? existing
                    : AddUserLocked(generatedId, $"Friend {i:D5}");
                friend.Sex = i % 3;
                friend.Province = "广东";
                friend.City = "深圳";
                LinkLocked(user, friend, null, null);
            }

            return InfoLocked(user);
        }
    }

    public UserInfo? GetUser(string wxid)
    {
        lock (_gate)
        {
            return _users.TryGetValue(wxid, out var user) ? InfoLocked(user) : null;
        }
    }

    public (UserInfo User, IReadOnlyList<string> Watchers) UpdateUser(string wxid, UpdateUserRequest change)
    {
        lock (_gate)
        {
            var user = RequireUserLocked(wxid);
            user.NickName = change.NickName ?? user.NickName;
            user.Sex = change.Sex ?? user.Sex;
            user.Province = change.Province ?? user.Province;
            user.City = change.City ?? user.City;
            user.Signature = change.Signature ?? user.Signature;
            user.Alias = change.Alias ?? user.Alias;
            user.WebLoginRefused = change.WebLoginRefused ?? user.WebLoginRefused;
            // The user's own sessions see their profile change too (ModContactList with their own UserName).
            return (InfoLocked(user), [.. user.Friends.Keys, wxid]);
        }
    }

    public void AddFriendship(FriendshipRequest request)
    {
        lock (_gate)
        {
            if (request.A == request.B)
            {
                throw EmulatorControlException.BadRequest("a user cannot befriend itself");
            }

            LinkLocked(RequireUserLocked(request.A), RequireUserLocked(request.B), request.RemarkA, request.RemarkB);
        }
    }

    public void RemoveFriendship(string a, string b)
    {
        lock (_gate)
        {
            var ua = RequireUserLocked(a);
            var ub = RequireUserLocked(b);
            if (!ua.Friends.Remove(b) | !ub.Friends.Remove(a))
            {
                throw EmulatorControlException.NotFound("friendship");
            }
        }
    }

    public void SetRemark(string owner, string contact, string remark)
    {
        lock (_gate)
        {
            var user = RequireUserLocked(owner);
            if (!user.Friends.ContainsKey(contact))
            {
                throw EmulatorControlException.NotFound($"friend {contact} of {owner}");
            }

            user.Friends[contact] = remark;
        }
    }

    public void SetStick(string owner, string contact, bool stick)
    {
        lock (_gate)
        {
            var user = RequireUserLocked(owner);
            if (stick)
            {
                user.StickOnTop.Add(contact);
            }
            else
            {
                user.StickOnTop.Remove(contact);
            }
        }
    }

    public GroupInfo CreateGroup(CreateGroupRequest request)
    {
        lock (_gate)
        {
            var groupId = string.IsNullOrWhiteSpace(request.GroupId) ? "grp_" + Secrets.Hex(6) : request.GroupId.Trim();
            if (!WorldIds.IsGroup(groupId))
            {
                throw EmulatorControlException.BadRequest("a group id starts with grp_ or ends with @chatroom");
            }

            if (_groups.ContainsKey(groupId) || _users.ContainsKey(groupId))
            {
                throw new EmulatorControlException(409, $"group {groupId} already exists");
            }

            var owner = RequireUserLocked(request.Owner);
            var members = request.Members.Select(RequireUserLocked).ToList();
            var group = new EmuGroup { GroupId = groupId, Name = request.Name, OwnerWxid = owner.Wxid, SavedToContacts = request.SavedToContacts };
            _groups.Add(groupId, group);
            foreach (var member in members.Prepend(owner).DistinctBy(m => m.Wxid))
            {
                group.Members.Add(member.Wxid);
                member.Groups.Add(groupId);
            }

            return GroupInfoLocked(group);
        }
    }

    /// <summary>Applies a rename/member change; returns the group plus who stays (Mod) and who was removed (Del).</summary>
    public (GroupInfo Group, IReadOnlyList<string> Members, IReadOnlyList<string> Removed) UpdateGroup(string groupId, UpdateGroupRequest change)
    {
        lock (_gate)
        {
            var group = RequireGroupLocked(groupId);
            var added = (change.AddMembers ?? []).Select(RequireUserLocked).ToList();
            var removed = (change.RemoveMembers ?? []).Select(RequireUserLocked).ToList();
            group.Name = change.Name ?? group.Name;
            foreach (var user in added.Where(u => !group.Members.Contains(u.Wxid)))
            {
                group.Members.Add(user.Wxid);
                user.Groups.Add(groupId);
            }

            var removedIds = new List<string>();
            foreach (var user in removed.Where(u => group.Members.Remove(u.Wxid)))
            {
                user.Groups.Remove(groupId);
                removedIds.Add(user.Wxid);
            }

            return (GroupInfoLocked(group), [.. group.Members], removedIds);
        }
    }

    public GroupInfo? GetGroup(string groupId)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var group) ? GroupInfoLocked(group) : null;
        }
    }

    private EmuUser AddUserLocked(string wxid, string nickName)
    {
        if (WorldIds.IsGroup(wxid) || WorldIds.IsSystem(wxid) || wxid.StartsWith('@') || wxid.Length == 0)
        {
            throw EmulatorControlException.BadRequest($"'{wxid}' is not a valid wxid");
        }

        if (_users.ContainsKey(wxid))
        {
            throw new EmulatorControlException(409, $"user {wxid} already exists");
        }

        var user = new EmuUser { Wxid = wxid, Uin = NewUinLocked(wxid), NickName = nickName };
        _users.Add(wxid, user);
        return user;
    }

    /// <summary>wxuin is stable per wxid (same account, same uin at every login) and unique in the world.</summary>
    private long NewUinLocked(string wxid)
    {
        for (var salt = 0; ; salt++)
        {
            var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{wxid}/{salt}"));
            var uin = 1_000_000_000L + (long)(BitConverter.ToUInt64(hash) % 3_000_000_000UL);
            if (_uins.Add(uin))
            {
                return uin;
            }
        }
    }

    private static void LinkLocked(EmuUser a, EmuUser b, string? remarkA, string? remarkB)
    {
        a.Friends[b.Wxid] = remarkA ?? a.Friends.GetValueOrDefault(b.Wxid, "");
        b.Friends[a.Wxid] = remarkB ?? b.Friends.GetValueOrDefault(a.Wxid, "");
    }

    private EmuUser RequireUserLocked(string wxid) =>
        _users.TryGetValue(wxid, out var user) ? user : throw EmulatorControlException.NotFound($"user {wxid}");

    private EmuGroup RequireGroupLocked(string groupId) =>
        _groups.TryGetValue(groupId, out var group) ? group : throw EmulatorControlException.NotFound($"group {groupId}");

    private static UserInfo InfoLocked(EmuUser u) =>
        new(u.Wxid, u.Uin, u.NickName, u.Sex, u.Province, u.City, u.Signature, u.Alias, u.VerifyFlag, u.WebLoginRefused,
            u.Friends.Count, [.. u.Groups]);

    private static GroupInfo GroupInfoLocked(EmuGroup g) => new(g.GroupId, g.Name, g.OwnerWxid, [.. g.Members], g.SavedToContacts);
}
