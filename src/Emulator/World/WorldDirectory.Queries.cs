namespace OpenWxCluster.Emulator.World;

/// <summary>Read side of the directory: snapshots taken under the lock, rendered later without it.</summary>
internal sealed partial class WorldDirectory
{
    /// <summary>How many friends init puts in its recent-chat ContactList besides groups and filehelper.</summary>
    private const int RecentFriends = 5;

    public bool UserExists(string wxid)
    {
        lock (_gate)
        {
            return _users.ContainsKey(wxid);
        }
    }

    public long UinOf(string wxid)
    {
        lock (_gate)
        {
            return _users.TryGetValue(wxid, out var user) ? user.Uin : 0;
        }
    }

    public bool IsWebLoginRefused(string wxid)
    {
        lock (_gate)
        {
            return _users.TryGetValue(wxid, out var user) && user.WebLoginRefused;
        }
    }

    public IReadOnlyList<string> FriendsOf(string wxid)
    {
        lock (_gate)
        {
            return _users.TryGetValue(wxid, out var user) ? [.. user.Friends.Keys] : [];
        }
    }

    public IReadOnlyList<string> GroupsOf(string wxid)
    {
        lock (_gate)
        {
            return _users.TryGetValue(wxid, out var user) ? [.. user.Groups] : [];
        }
    }

    public IReadOnlyList<string>? MembersOf(string groupId)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var group) ? [.. group.Members] : null;
        }
    }

    public bool IsFriend(string a, string b)
    {
        lock (_gate)
        {
            return _users.TryGetValue(a, out var user) && user.Friends.ContainsKey(b);
        }
    }

    /// <summary>Whether <paramref name="viewer"/> may send to <paramref name="target"/>: a friend, one of its groups, or filehelper.</summary>
    public bool CanSendTo(string viewer, string target)
    {
        if (WorldIds.IsSystem(target))
        {
            return true;
        }

        lock (_gate)
        {
            return _users.TryGetValue(viewer, out var user) && (user.Friends.ContainsKey(target) || user.Groups.Contains(target));
        }
    }

    /// <summary>webwxgetcontact's list: filehelper, friends, followed public accounts and saved groups, in a stable order.</summary>
    public IReadOnlyList<string> ContactListOf(string wxid)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(wxid, out var user))
            {
                return [];
            }

            var saved = user.Groups.Where(g => _groups.TryGetValue(g, out var group) && group.SavedToContacts);
            return [WorldIds.FileHelper, .. user.Friends.Keys, .. saved];
        }
    }

    /// <summary>webwxinit's recent chats: groups (with members), filehelper and a few friends.</summary>
    public IReadOnlyList<string> RecentChatsOf(string wxid)
    {
        lock (_gate)
        {
            if (!_users.TryGetValue(wxid, out var user))
            {
                return [];
            }

            return [.. user.Groups, WorldIds.FileHelper, .. user.Friends.Keys.Take(RecentFriends)];
        }
    }

    /// <summary>A contact as <paramref name="viewer"/> sees it, or null when the id is unknown.</summary>
    public ContactData? Describe(string viewer, string id)
    {
        if (id == WorldIds.FileHelper)
        {
            return new ContactData(id, ContactKind.System, "文件传输助手", "", 0, "", "", "", "", 0, 0, "", []);
        }

        lock (_gate)
        {
            if (_groups.TryGetValue(id, out var group))
            {
                var members = group.Members
                    .Select(m => _users[m])
                    .Select(m => new MemberData(m.Wxid, m.NickName, "", m.Uin))
                    .ToList();
                var ownerUin = _users.TryGetValue(group.OwnerWxid, out var owner) ? owner.Uin : 0;
                return new ContactData(id, ContactKind.Group, group.Name, "", 0, "", "", "", "", 0, ownerUin, group.OwnerWxid, members);
            }

            if (!_users.TryGetValue(id, out var user))
            {
                return null;
            }

            var remark = _users.TryGetValue(viewer, out var self) ? self.Friends.GetValueOrDefault(id, "") : "";
            var kind = (user.VerifyFlag & 8) != 0 ? ContactKind.PublicAccount : ContactKind.User;
            return new ContactData(id, kind, user.NickName, remark, user.Sex, user.Province, user.City, user.Signature,
                user.Alias, user.VerifyFlag, user.Uin, "", []);
        }
    }

    public bool IsStuck(string owner, string contact)
    {
        lock (_gate)
        {
            return _users.TryGetValue(owner, out var user) && user.StickOnTop.Contains(contact);
        }
    }
}
