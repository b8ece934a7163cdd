namespace OpenWxCluster.Contracts;

/// <summary>The answer to a cursor poll (<see cref="IEventInboxGrain.PollCursorAsync"/>).</summary>
[GenerateSerializer, Immutable, Alias("openwx.CursorBatch")]
public sealed record CursorBatch
{
    /// <summary>Retained events after the cursor, in sequence order.</summary>
    [Id(0)] public IReadOnlyList<AccountEvent> Events { get; init; } = [];

    /// <summary>Events after the cursor that overflow dropped, to be reported before <see cref="Events"/>; else null.</summary>
    [Id(1)] public EventGap? Lost { get; init; }

    /// <summary>Highest sequence the inbox accepted when it answered.</summary>
    [Id(2)] public long LastSeq { get; init; }

    /// <summary>
    /// The cursor was past <see cref="LastSeq"/> (or negative), so it cannot have come from this inbox: nothing was
    /// acknowledged and nothing is returned.
    /// </summary>
    [Id(3)] public bool CursorAhead { get; init; }

    public bool IsEmpty => Events.Count == 0 && Lost is null;
}
