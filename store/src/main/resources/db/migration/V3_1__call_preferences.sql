-- Each account's call preferences, read by the B2BUA for every call to the account (issue 9):
-- do-not-disturb, forwarding, the caller blocklist and the extra targets rung with the account.
-- Area 3 of the migration numbering (docs/design-notes.md): V3_<n>__name.sql.
-- An account without a row has the defaults (CallPreferences.DEFAULTS); the row goes with its account.

CREATE TABLE call_preferences (
    account_id        BIGINT        PRIMARY KEY,
    do_not_disturb    BOOLEAN       NOT NULL,
    -- forwarding targets, SIP URIs; null: no such forwarding
    forward_always    VARCHAR(1024),
    forward_busy      VARCHAR(1024),
    forward_no_answer VARCHAR(1024),
    no_answer_seconds INTEGER       NOT NULL,
    forward_offline   VARCHAR(1024),
    -- 'proxy' (a new leg to the target) or 'redirect' (302 with the target in Contact)
    forward_mode      VARCHAR(16)   NOT NULL,
    -- SIP URIs or *@domain patterns of callers refused, one per line
    blocked           VARCHAR(16000) NOT NULL,
    -- SIP URIs rung together with the account, one per line
    also_ring         VARCHAR(16000) NOT NULL,
    updated_at        TIMESTAMP     NOT NULL,
    CONSTRAINT fk_call_preferences_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
