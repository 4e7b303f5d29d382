-- Subscriptions of every event package (RFC 6665): what a notifier needs to send the next NOTIFY of a
-- subscription after a restart, when the container no longer knows its dialog.
-- Area 2 of the migration numbering (docs/design-notes.md): V2_<n>__name.sql.

CREATE TABLE event_subscriptions (
    id                VARCHAR(64)   PRIMARY KEY,
    event_package     VARCHAR(64)   NOT NULL,
    -- what it watches, e.g. the AOR of a reg subscription
    resource          VARCHAR(512)  NOT NULL,
    -- the Event header with its id parameter, repeated in every NOTIFY
    event_header      VARCHAR(255)  NOT NULL,
    -- the dialog (RFC 3261 section 12.1.1, as its UAS keeps it)
    call_id           VARCHAR(512)  NOT NULL,
    local_tag         VARCHAR(255)  NOT NULL,
    remote_tag        VARCHAR(255)  NOT NULL,
    local_uri         VARCHAR(1024) NOT NULL,
    remote_uri        VARCHAR(1024) NOT NULL,
    remote_target     VARCHAR(1024) NOT NULL,
    -- Record-Route values of the SUBSCRIBE, in order, one per line
    route_set         VARCHAR(4000),
    -- CSeq of the last NOTIFY sent, and the body version of the next one
    local_cseq        BIGINT        NOT NULL,
    next_version      BIGINT        NOT NULL,
    expires_at        TIMESTAMP     NOT NULL,
    subscriber        VARCHAR(128)  NOT NULL,
    subscriber_domain VARCHAR(255)  NOT NULL,
    subscriber_admin  BOOLEAN       NOT NULL,
    transport         VARCHAR(16)   NOT NULL,
    source_address    VARCHAR(255)  NOT NULL,
    source_port       INTEGER       NOT NULL,
    updated_at        TIMESTAMP     NOT NULL
);

-- a notifier reads its package's subscriptions when it starts
CREATE INDEX ix_event_subscriptions_package ON event_subscriptions (event_package);
