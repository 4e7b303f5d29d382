-- Call detail records (issue 9): one row per call through the B2BUA, inserted when the call starts and
-- completed when it ends, so a call in progress when its node crashed is found open and closed (end
-- cause 'interrupted') when that node starts again.
-- Area 3 of the migration numbering (docs/design-notes.md): V3_<n>__name.sql.

CREATE TABLE call_records (
    id             VARCHAR(64)   PRIMARY KEY,
    -- addresses-of-record (sip:user@domain), or the URI of a party that is not ours
    caller         VARCHAR(512)  NOT NULL,
    callee         VARCHAR(512)  NOT NULL,
    -- platform.node.id of the node that carries the call
    node           VARCHAR(255)  NOT NULL,
    started_at     TIMESTAMP     NOT NULL,
    answered_at    TIMESTAMP,
    -- null while the call is in progress
    ended_at       TIMESTAMP,
    -- milliseconds from the answer to the end; null if never answered or interrupted
    duration_ms    BIGINT,
    forwarded_to   VARCHAR(1024),
    transferred_to VARCHAR(1024),
    -- 'caller-bye', 'callee-bye', a SIP status such as '486', 'cancelled', 'timeout', 'interrupted'...
    end_cause      VARCHAR(64),
    -- how many legs the call had; null until it ends
    legs           INTEGER
);

-- the console's listing: a user's calls (as caller or callee) in a time range, newest first
CREATE INDEX ix_call_records_caller ON call_records (caller, started_at);
CREATE INDEX ix_call_records_callee ON call_records (callee, started_at);
CREATE INDEX ix_call_records_started_at ON call_records (started_at);
-- a node's open records, closed when it starts
CREATE INDEX ix_call_records_node_open ON call_records (node, ended_at);
