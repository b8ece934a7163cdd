namespace OpenWxCluster.QqEmulator.World;

/// <summary>Groups, memberships and the administration a member of higher rank may do.</summary>
public sealed partial class QqWorld
{
    /// <summary>Creates a group whose owner is <paramref name="ownerId"/>; members join later, one event each.</summary>
    public GroupView CreateGroup(long groupId, string name, long ownerId)
    {
        lock (_gate)
        {
            User(ownerId);
            if (groupId <= 0 || _groups.ContainsKey(groupId))
            {
                throw QqWorldException.Conflict($"group {groupId} exists or is not a positive id");
            }

            var group = new QqGroup(groupId, name);
            group.Members.Add(ownerId, new QqMember(ownerId, QqRole.Owner, Now));
            _groups.Add(groupId, group);
            return View(group);
        }
    }

    /// <summary>A user joins (approved by <paramref name="operatorId"/>, default the owner); bots in the group get group_increase.</summary>
    public MemberView AddMember(long groupId, long userId, QqRole role = QqRole.Member, string card = "", long? operatorId = null)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            User(userId);
            if (role == QqRole.Owner || group.Members.ContainsKey(userId))
            {
                throw QqWorldException.Conflict($"{userId} is already in group {groupId}, or a second owner was asked for");
            }

            var member = new QqMember(userId, role, Now) { Card = card };
            group.Members.Add(userId, member);
            var op = operatorId ?? group.Members.Values.First(m => m.Role == QqRole.Owner).UserId;
            foreach (var id in group.Members.Keys)
            {
                EmitIfBot(id, Events.OneBotEvents.GroupIncrease(id, Now, groupId, userId, op));
            }

            return View(groupId, member);
        }
    }

    /// <summary>A member leaves (<paramref name="operatorId"/> null or the user) or is kicked; bots in the group, and a kicked bot, get group_decrease.</summary>
    public void RemoveMember(long groupId, long userId, long? operatorId = null)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            var member = Member(group, userId);
            var op = operatorId ?? userId;
            if (op != userId)
            {
                Outranks(group, op, member);
            }
            else if (member.Role == QqRole.Owner)
            {
                throw QqWorldException.Conflict("the owner cannot leave the group");
            }

            group.Members.Remove(userId);
            var subType = op == userId ? "leave" : "kick";
            foreach (var id in group.Members.Keys)
            {
                EmitIfBot(id, Events.OneBotEvents.GroupDecrease(id, Now, groupId, userId, op, subType));
            }

            if (op != userId)
            {
                EmitIfBot(userId, Events.OneBotEvents.GroupDecrease(userId, Now, groupId, userId, op, "kick_me"));
            }
        }
    }

    /// <summary>Bans for <paramref name="seconds"/> (0 lifts the ban); bots in the group get group_ban.</summary>
    public void Ban(long groupId, long userId, long operatorId, long seconds)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            var member = Member(group, userId);
            Outranks(group, operatorId, member);
            if (seconds < 0 || seconds > 30 * 24 * 3600)
            {
                throw QqWorldException.BadParameter("duration must be 0 to 30 days in seconds");
            }

            member.BannedUntil = seconds == 0 ? 0 : Now + seconds;
            foreach (var id in group.Members.Keys)
            {
                EmitIfBot(id, Events.OneBotEvents.GroupBan(id, Now, groupId, userId, operatorId, seconds));
            }
        }
    }

    /// <summary>
    /// Sets a group card: one's own, or a lower member's as admin or owner. A change is reported to the bots in the
    /// group as NapCat does (group_card, go-cqhttp's notice).
    /// </summary>
    public void SetCard(long groupId, long userId, long operatorId, string card)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            var member = Member(group, userId);
            if (operatorId != userId)
            {
                Outranks(group, operatorId, member);
            }

            var old = member.Card;
            member.Card = card;
            if (old == card)
            {
                return;
            }

            foreach (var id in group.Members.Keys)
            {
                EmitIfBot(id, Events.OneBotEvents.GroupCard(id, Now, groupId, userId, card, old));
            }
        }
    }

    public IReadOnlyList<GroupView> GroupsOf(long userId)
    {
        lock (_gate)
        {
            return [.. _groups.Values.Where(g => g.Members.ContainsKey(userId)).OrderBy(g => g.GroupId).Select(View)];
        }
    }

    public GroupView? GetGroup(long groupId)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var g) ? View(g) : null;
        }
    }

    public IReadOnlyList<MemberView> Members(long groupId)
    {
        lock (_gate)
        {
            var group = Group(groupId);
            return [.. group.Members.Values.OrderBy(m => m.UserId).Select(m => View(groupId, m))];
        }
    }

    public MemberView? GetMember(long groupId, long userId)
    {
        lock (_gate)
        {
            return _groups.TryGetValue(groupId, out var g) && g.Members.TryGetValue(userId, out var m) ? View(groupId, m) : null;
        }
    }

    private QqGroup Group(long groupId) => _groups.GetValueOrDefault(groupId) ?? throw QqWorldException.NotFound($"group {groupId}");

    private static QqMember Member(QqGroup group, long userId) =>
        group.Members.GetValueOrDefault(userId) ?? throw QqWorldException.NotFound($"member {userId} of group {group.GroupId}");

    private static void Outranks(QqGroup group, long operatorId, QqMember target)
    {
        var op = Member(group, operatorId);
        if (op.Role <= target.Role || op.Role == QqRole.Member)
        {
            throw QqWorldException.NoPermission($"{operatorId} may not administer {target.UserId} in group {group.GroupId}");
        }
    }

    private static GroupView View(QqGroup g) => new(g.GroupId, g.Name, g.Members.Count, g.MaxMemberCount);

    private MemberView View(long groupId, QqMember m)
    {
        var user = _users[m.UserId];
        return new MemberView(groupId, m.UserId, user.Nickname, user.Sex, user.Age, m.Role, m.Card, m.JoinTime, m.LastSentTime, m.BannedUntil);
    }
}
