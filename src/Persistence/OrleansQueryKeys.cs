namespace OpenWxCluster.Persistence;

/// <summary>
/// The query keys the schema installs into <c>orleansquery</c>, grouped by the Orleans provider that needs them.
/// </summary>
public static class OrleansQueryKeys
{
    /// <summary>Required by the clustering silo table and the gateway list provider (client) alike.</summary>
    public static IReadOnlyList<string> Clustering { get; } =
    [
        "GatewaysQueryKey", "MembershipReadRowKey", "MembershipReadAllKey", "InsertMembershipVersionKey",
        "UpdateIAmAlivetimeKey", "InsertMembershipKey", "UpdateMembershipKey", "DeleteMembershipTableEntriesKey",
        "CleanupDefunctSiloEntriesKey",
    ];

    /// <summary>Optional in Orleans 10.4.2; when present it replaces the bulk cleanup query.</summary>
    public static string CleanupDefunctSiloEntry => "CleanupDefunctSiloEntryKey";

    /// <summary>Grain storage; DeleteStorageKey is only used with DeleteStateOnClear=true.</summary>
    public static IReadOnlyList<string> Persistence { get; } =
        ["WriteToStorageKey", "ReadFromStorageKey", "ClearStorageKey", "DeleteStorageKey"];

    /// <summary>Required by the reminder table.</summary>
    public static IReadOnlyList<string> Reminders { get; } =
    [
        "ReadReminderRowsKey", "ReadReminderRowKey", "ReadRangeRows1Key", "ReadRangeRows2Key",
        "UpsertReminderRowKey", "DeleteReminderRowKey", "DeleteReminderRowsKey",
    ];

    /// <summary>Every key the schema installs.</summary>
    public static IReadOnlyList<string> All { get; } =
        [.. Clustering, CleanupDefunctSiloEntry, .. Persistence, .. Reminders];
}
