-- A subscription the resource's owner has not authorized yet (RFC 6665 section 4.1.3 "pending", the presence
-- rules of RFC 3856 section 6.6): kept, refreshed and shown to its owner as a watcher, its NOTIFYs carry no state.

ALTER TABLE event_subscriptions ADD COLUMN pending BOOLEAN DEFAULT FALSE NOT NULL;

-- the watchers of one resource: a presentity's watcher list, the console's
CREATE INDEX ix_event_subscriptions_resource ON event_subscriptions (event_package, resource);
