-- OpenWxCluster schema, part 3: grain state (Orleans.Persistence.AdoNet).
-- Identity: (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring) with two NULL extensions
-- equal, enforced by a NULLS NOT DISTINCT unique constraint (PostgreSQL 15+). A "not exists" check alone lets
-- concurrent first writes create duplicate rows (contract 4, "Uniqueness").
-- The hashes are stored for diagnostics but never used to match rows, so switching the provider's hasher
-- cannot orphan existing state.

CREATE TABLE IF NOT EXISTS orleansstorage
(
    serviceid              text        NOT NULL,
    graintypestring        text        NOT NULL,
    grainidn0              bigint      NOT NULL,
    grainidn1              bigint      NOT NULL,
    grainidextensionstring text        NULL,
    graintypehash          integer     NOT NULL,
    grainidhash            integer     NOT NULL,
    payloadbinary          bytea       NULL, -- bytea: the provider casts the value to byte[] (json would be a string)
    version                integer     NOT NULL,
    modifiedon             timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orleansstorage_identity_uq UNIQUE NULLS NOT DISTINCT
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring)
);

-- Rows up to a page (8160 bytes) stay inline, uncompressed: the default (about 2 kB) moved every mid-sized state
-- out of line into TOAST chunks, rewritten whole on each write, and first tried to compress it, in vain when the
-- state is sealed. The check_event inbox's redo tail (InboxRedoTail.Budget) is sized to stay under this.
ALTER TABLE orleansstorage SET (toast_tuple_target = 8160);

-- In every query below the extension is matched as
--     (grainidextensionstring = @GrainIdExtensionString
--      OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
-- rather than IS NOT DISTINCT FROM: the planner folds the bound value away, leaving an equality or IS NULL
-- that can use the unique index (string keys all share n0 = n1 = 0, so the extension must be indexable).
-- Versions wrap from int32 max to 1: the provider parses the ETag with int.Parse, and a new version must differ
-- from the old one.

INSERT INTO orleansquery (querykey, querytext) VALUES

-- 0 or 1 row. A cleared row (NULL payload) is still returned so its version becomes the ETag.
('ReadFromStorageKey', $q$
SELECT payloadbinary, version
FROM orleansstorage
WHERE serviceid = @ServiceId
  AND graintypestring = @GrainTypeString
  AND grainidn0 = @GrainIdN0
  AND grainidn1 = @GrainIdN1
  AND (grainidextensionstring = @GrainIdExtensionString
       OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL));
$q$),

-- Exactly one row, column NewGrainStateVersion; NULL tells the provider "conflict".
-- NULL version: first write. A concurrent or earlier writer already holding the identity makes ON CONFLICT
-- skip the insert, so the unique violation becomes the NULL result instead of an error or a second row.
-- Non-NULL version: update only if the stored version still matches; a writer that waited on the row lock
-- re-checks the version under READ COMMITTED and matches nothing.
('WriteToStorageKey', $q$
WITH inserted AS (
    INSERT INTO orleansstorage
        (serviceid, graintypestring, grainidn0, grainidn1, grainidextensionstring,
         graintypehash, grainidhash, payloadbinary, version)
    SELECT @ServiceId, @GrainTypeString, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
           @GrainTypeHash, @GrainIdHash, @PayloadBinary, 1
    WHERE @GrainStateVersion IS NULL
    ON CONFLICT ON CONSTRAINT orleansstorage_identity_uq DO NOTHING
    RETURNING version
), updated AS (
    UPDATE orleansstorage
    SET payloadbinary = @PayloadBinary,
        graintypehash = @GrainTypeHash,
        grainidhash = @GrainIdHash,
        version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
        modifiedon = now()
    WHERE @GrainStateVersion IS NOT NULL
      AND serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT (SELECT version FROM inserted
        UNION ALL
        SELECT version FROM updated) AS newgrainstateversion;
$q$),

-- DeleteStateOnClear=false. On a match: NULL payload, new version returned (it becomes the ETag).
-- On a mismatch with an existing row (including a NULL ETag against a row written by someone else) one NULL
-- row, which the provider reports as a conflict. No row at all only when there is nothing to clear.
('ClearStorageKey', $q$
WITH cleared AS (
    UPDATE orleansstorage
    SET payloadbinary = NULL,
        version = CASE WHEN version = 2147483647 THEN 1 ELSE version + 1 END,
        modifiedon = now()
    WHERE serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT version FROM cleared
UNION ALL
SELECT NULL::integer
WHERE NOT EXISTS (SELECT 1 FROM cleared)
  AND EXISTS (
    SELECT 1 FROM orleansstorage
    WHERE serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL)));
$q$),

-- DeleteStateOnClear=true. On a match the row goes and old version + 1 (bigint, so it cannot overflow) is
-- returned: any non-NULL value other than the sent one means success. Mismatch handling as for Clear.
('DeleteStorageKey', $q$
WITH deleted AS (
    DELETE FROM orleansstorage
    WHERE serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL))
      AND version = @GrainStateVersion
    RETURNING version
)
SELECT version::bigint + 1 FROM deleted
UNION ALL
SELECT NULL::bigint
WHERE NOT EXISTS (SELECT 1 FROM deleted)
  AND EXISTS (
    SELECT 1 FROM orleansstorage
    WHERE serviceid = @ServiceId
      AND graintypestring = @GrainTypeString
      AND grainidn0 = @GrainIdN0
      AND grainidn1 = @GrainIdN1
      AND (grainidextensionstring = @GrainIdExtensionString
           OR (@GrainIdExtensionString IS NULL AND grainidextensionstring IS NULL)));
$q$)

ON CONFLICT (querykey) DO UPDATE SET querytext = EXCLUDED.querytext;
