-- OpenWxCluster schema, part 4: reminders (Orleans.Reminders.AdoNet).
-- grainhash holds the signed int32 exactly as bound: the provider picks Rows1/Rows2 on signed values, so the
-- (Begin, End] ring semantics hold only if the stored values are compared signed too.
-- period is bigint: periods above int32 milliseconds (about 24.9 days) are bound as long.

CREATE TABLE IF NOT EXISTS orleansreminderstable
(
    serviceid    text        NOT NULL,
    grainid      text        NOT NULL,
    remindername text        NOT NULL,
    starttime    timestamptz NOT NULL,
    period       bigint      NOT NULL,
    grainhash    integer     NOT NULL,
    version      integer     NOT NULL,
    CONSTRAINT orleansreminderstable_pk PRIMARY KEY (serviceid, grainid, remindername)
);

CREATE INDEX IF NOT EXISTS orleansreminderstable_hash_ix ON orleansreminderstable (serviceid, grainhash);

INSERT INTO orleansquery (querykey, querytext) VALUES

('ReadReminderRowsKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName;
$q$),

-- Used when Begin < End (signed): the plain range (Begin, End].
('ReadRangeRows1Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND grainhash > @BeginHash AND grainhash <= @EndHash;
$q$),

-- Used otherwise: the range wraps around the ring (Begin = End covers the whole ring).
('ReadRangeRows2Key', $q$
SELECT grainid, remindername, starttime, period, version
FROM orleansreminderstable
WHERE serviceid = @ServiceId AND (grainhash > @BeginHash OR grainhash <= @EndHash);
$q$),

-- Unconditional (no ETag check). ON CONFLICT makes two silos upserting the same reminder at once both succeed,
-- and every upsert yields a new version (0 on insert, +1 per update, wrapping to 0 at int32 max).
('UpsertReminderRowKey', $q$
INSERT INTO orleansreminderstable AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)
VALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (serviceid, grainid, remindername) DO UPDATE
SET starttime = EXCLUDED.starttime,
    period = EXCLUDED.period,
    grainhash = EXCLUDED.grainhash,
    version = CASE WHEN r.version = 2147483647 THEN 0 ELSE r.version + 1 END
RETURNING r.version;
$q$),

-- bool: true only if the row with exactly this version was deleted; a stale ETag gives false.
('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM orleansreminderstable
    WHERE serviceid = @ServiceId AND grainid = @GrainId AND remindername = @ReminderName AND version = @Version
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM deleted);
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM orleansreminderstable WHERE serviceid = @ServiceId;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
