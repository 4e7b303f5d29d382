-- Each presentity's presence authorization rules (issue 10, RFC 3856 section 5.1): what its watchers get.
-- Area 4 (presence) of the migration numbering (docs/design-notes.md): V4_<n>__name.sql.
-- An account without a row has set no rules (the platform's presence.default.rule applies); the row goes
-- with its account.

CREATE TABLE presence_rules (
    account_id     BIGINT         PRIMARY KEY,
    -- 'allow', 'pending', 'block' or 'polite-block' for watchers no entry names; null: the platform's default
    default_rule   VARCHAR(16),
    -- watchers' SIP URIs or *@domain patterns, one per line (at most 200 of at most 255 characters each)
    allowed        VARCHAR(52000) NOT NULL,
    blocked        VARCHAR(52000) NOT NULL,
    polite_blocked VARCHAR(52000) NOT NULL,
    updated_at     TIMESTAMP      NOT NULL,
    CONSTRAINT fk_presence_rules_account FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);
