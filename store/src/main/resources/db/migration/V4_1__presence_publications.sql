-- Presence publications (RFC 3903): each event state a phone or client published, kept until it expires or is
-- removed, so that they survive a restart and every reader (presence server, console) composes the same state.
-- Area 4 of the migration numbering (docs/design-notes.md): V4_<n>__name.sql.

CREATE TABLE presence_publications (
    -- the entity-tag the ESC issued for it (RFC 3903 section 4.1); a refresh or modify issues a new one
    entity_tag   VARCHAR(64)    PRIMARY KEY,
    -- the presentity, a normalised AOR such as sip:alice@example.com
    aor          VARCHAR(512)   NOT NULL,
    -- application/pidf+xml; the body as published (UTF-8 text), bounded by presence.publish.max.body
    content_type VARCHAR(128)   NOT NULL,
    body         VARCHAR(65536) NOT NULL,
    expires_at   TIMESTAMP      NOT NULL,
    -- when its state was last published (initial or modify), which orders publications newest first
    updated_at   TIMESTAMP      NOT NULL
);

-- the publications of one presentity, composed on every read
CREATE INDEX ix_presence_publications_aor ON presence_publications (aor);
-- the expiry purge
CREATE INDEX ix_presence_publications_expires ON presence_publications (expires_at);
