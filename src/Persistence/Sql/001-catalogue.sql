-- OpenWxCluster schema, part 1: the query catalogue read by the Orleans AdoNet providers.
-- Names are unquoted on purpose: the providers query "OrleansQuery" unquoted, which PostgreSQL folds to
-- orleansquery (contract section 1). Every statement here is idempotent; PostgresSchema.ApplyAsync runs all
-- parts in one transaction under an advisory lock, so two installers never race on CREATE ... IF NOT EXISTS.

CREATE TABLE IF NOT EXISTS orleansquery
(
    querykey  varchar(64) NOT NULL,
    querytext text        NOT NULL, -- text, not char(n): the provider casts it to string verbatim
    CONSTRAINT orleansquery_pk PRIMARY KEY (querykey)
);
