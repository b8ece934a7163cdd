-- OpenWxCluster schema, part 2: membership (Orleans.Clustering.AdoNet).
-- One version row per cluster (DeploymentId = ClusterOptions.ClusterId). Every successful membership write
-- stores exactly @Version + 1 in the same statement (contract 3, version rules 1-5).

CREATE TABLE IF NOT EXISTS orleansmembershipversiontable
(
    deploymentid text        NOT NULL,
    timestamp    timestamptz NOT NULL DEFAULT now(),
    version      integer     NOT NULL DEFAULT 0,
    CONSTRAINT orleansmembershipversiontable_pk PRIMARY KEY (deploymentid),
    CONSTRAINT orleansmembershipversiontable_version_ck CHECK (version >= 0)
);

CREATE TABLE IF NOT EXISTS orleansmembershiptable
(
    deploymentid text        NOT NULL,
    address      varchar(45) NOT NULL,
    port         integer     NOT NULL,
    generation   integer     NOT NULL,
    siloname     text        NOT NULL,
    hostname     text        NOT NULL,
    status       integer     NOT NULL,
    proxyport    integer     NOT NULL DEFAULT 0,
    suspecttimes text        NULL, -- stored verbatim, unbounded
    starttime    timestamptz NOT NULL,
    iamalivetime timestamptz NOT NULL,
    CONSTRAINT orleansmembershiptable_pk PRIMARY KEY (deploymentid, address, port, generation),
    CONSTRAINT orleansmembershiptable_version_fk FOREIGN KEY (deploymentid)
        REFERENCES orleansmembershipversiontable (deploymentid)
);

INSERT INTO orleansquery (querykey, querytext) VALUES

-- bool: true only for the caller that created the row. ON CONFLICT DO NOTHING waits for a concurrent creator
-- and then reports false instead of failing, because silos start concurrently.
('InsertMembershipVersionKey', $q$
WITH created AS (
    INSERT INTO orleansmembershipversiontable (deploymentid) VALUES (@DeploymentId)
    ON CONFLICT (deploymentid) DO NOTHING
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM created);
$q$),

-- Always at least one row: the LEFT JOIN yields a version-only row (NULL starttime) when there are no members.
('MembershipReadAllKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m ON m.deploymentid = v.deploymentid
WHERE v.deploymentid = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status, m.proxyport,
       m.suspecttimes, m.starttime, m.iamalivetime
FROM orleansmembershipversiontable v
LEFT JOIN orleansmembershiptable m
       ON m.deploymentid = v.deploymentid
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
WHERE v.deploymentid = @DeploymentId;
$q$),

-- bool. Lock the version row only if it still holds @Version (under READ COMMITTED a writer that waited re-checks
-- the condition and gets nothing), insert only a new silo key, and bump the version only if the insert happened:
-- each step feeds the next, so a losing caller changes nothing and gets a single false.
('InsertMembershipKey', $q$
WITH expected AS (
    SELECT deploymentid FROM orleansmembershipversiontable
    WHERE deploymentid = @DeploymentId AND version = @Version
    FOR UPDATE
), inserted AS (
    INSERT INTO orleansmembershiptable
        (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime)
    SELECT e.deploymentid, @Address, @Port, @Generation, @SiloName, @HostName, @Status, @ProxyPort, NULL, @StartTime, @IAmAliveTime
    FROM expected e
    WHERE NOT EXISTS (
        SELECT 1 FROM orleansmembershiptable
        WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation)
    RETURNING deploymentid
), bumped AS (
    UPDATE orleansmembershipversiontable v
    SET version = v.version + 1, timestamp = now()
    FROM inserted i
    WHERE v.deploymentid = i.deploymentid
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped);
$q$),

-- bool. Same chain as the insert; only Status, SuspectTimes (NULL clears) and IAmAliveTime change.
('UpdateMembershipKey', $q$
WITH expected AS (
    SELECT deploymentid FROM orleansmembershipversiontable
    WHERE deploymentid = @DeploymentId AND version = @Version
    FOR UPDATE
), updated AS (
    UPDATE orleansmembershiptable m
    SET status = @Status, suspecttimes = @SuspectTimes, iamalivetime = @IAmAliveTime
    FROM expected e
    WHERE m.deploymentid = e.deploymentid
      AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    RETURNING m.deploymentid
), bumped AS (
    UPDATE orleansmembershipversiontable v
    SET version = v.version + 1, timestamp = now()
    FROM updated u
    WHERE v.deploymentid = u.deploymentid
    RETURNING 1
)
SELECT EXISTS (SELECT 1 FROM bumped);
$q$),

-- Liveness heartbeat: never touches the version.
('UpdateIAmAlivetimeKey', $q$
UPDATE orleansmembershiptable
SET iamalivetime = @IAmAliveTime
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation;
$q$),

-- @Status is always 3 (Active); a ProxyPort of 0 marks a silo without a gateway.
('GatewaysQueryKey', $q$
SELECT address, proxyport, generation
FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND status = @Status AND proxyport > 0;
$q$),

-- Tests and tools only. The version row is kept so the version never goes back and a stale ETag read before
-- the delete can never match again; InsertMembershipVersionKey then simply reports false.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM orleansmembershiptable WHERE deploymentid = @DeploymentId;
$q$),

-- Bulk cleanup: only Dead (6) silos whose last heartbeat is older than the cutoff. Active rows are never
-- deleted and the version is not bumped.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND iamalivetime < @IAmAliveTime AND status = 6;
$q$),

-- Per-row cleanup (preferred by 10.4.2 when present): delete the candidate only if it is unchanged since the
-- provider read it, so a row that was updated in between survives.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM orleansmembershiptable
WHERE deploymentid = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation
  AND status = 6
  AND starttime = @StartTime
  AND iamalivetime = @IAmAliveTime
  AND suspecttimes IS NOT DISTINCT FROM @SuspectTimes;
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
