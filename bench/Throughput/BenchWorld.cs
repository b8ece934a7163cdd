using System.Globalization;
using OpenWxCluster.Bench.Shared;
using OpenWxCluster.Emulator.Control;

namespace OpenWxCluster.Bench.Throughput;

/// <summary>
/// The emulator's world for the bench: <see cref="TargetCount"/> target users every account has as friends, one group
/// per account (the account and the targets), and for the first read accounts enough generated friends to make
/// <see cref="ThroughputOptions.Friends"/> in all.
/// </summary>
internal sealed class BenchWorld(EmulatorControlClient control, ThroughputOptions options)
{
    /// <summary>The friends every send scenario rotates over.</summary>
    public const int TargetCount = 4;

    /// <summary>Each account's group, found by send_group_message's displayname.</summary>
    public const string GroupName = "bench group";

    public IReadOnlyList<BenchAccount> Accounts { get; } =
        [.. Enumerable.Range(1, options.AccountsMax).Select(i => new BenchAccount($"thr{i:D5}", $"thr_{i:D5}"))];

    /// <summary>The targets' nicknames, which are their displayname in each account's friend list.</summary>
    public static IReadOnlyList<string> TargetNames { get; } =
        [.. Enumerable.Range(1, TargetCount).Select(i => "target " + i.ToString(CultureInfo.InvariantCulture))];

    public static string TargetWxid(int index) => $"thr_target_{index + 1}";

    public async Task CreateAsync(CancellationToken ct)
    {
        for (var t = 0; t < TargetCount; t++)
        {
            await control.CreateUserAsync(new CreateUserRequest { Wxid = TargetWxid(t), NickName = TargetNames[t] }, ct);
        }
        var targets = Enumerable.Range(0, TargetCount).Select(TargetWxid).ToList();
        await Parallel.ForEachAsync(
            Accounts.Select((account, index) => (account, index)),
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (item, token) =>
            {
                var (account, index) = item;
                await control.CreateUserAsync(
                    new CreateUserRequest
                    {
                        Wxid = account.Wxid,
                        NickName = account.Client,
                        Friends = targets,
                        GeneratedFriends = index < options.ReadAccounts ? options.Friends - TargetCount : 0,
                    },
                    token);
                await control.CreateGroupAsync(
                    new CreateGroupRequest { GroupId = "grp_" + account.Client, Name = GroupName, Owner = account.Wxid, Members = targets, SavedToContacts = true },
                    token);
            });
    }

    /// <summary>Accounts with only the targets as friends (the webhook phase: they send them the injected messages; the running-accounts phase).</summary>
    public async Task CreateTargetFriendsAsync(IReadOnlyList<BenchAccount> accounts, CancellationToken ct)
    {
        var targets = Enumerable.Range(0, TargetCount).Select(TargetWxid).ToList();
        await Parallel.ForEachAsync(
            accounts,
            new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (account, token) =>
                await control.CreateUserAsync(new CreateUserRequest { Wxid = account.Wxid, NickName = account.Client, Friends = targets }, token));
    }
}
