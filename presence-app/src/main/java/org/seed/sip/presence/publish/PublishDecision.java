package org.seed.sip.presence.publish;

/** What {@link PublishRules} makes of a PUBLISH that passed authentication (RFC 3903 §4). */
public sealed interface PublishDecision {

    /** Answer at once, nothing changed. */
    record Refuse(PublishOutcome outcome) implements PublishDecision {
    }

    /** An initial publication (RFC 3903 §4.2), its document re-written as it will be stored. */
    record Create(int expires, String document) implements PublishDecision {
    }

    /** A refresh (RFC 3903 §4.3): the publication of {@code entityTag} lives on, its state unchanged. */
    record Refresh(String entityTag, int expires) implements PublishDecision {
    }

    /** A modification (RFC 3903 §4.4): the publication of {@code entityTag} gets a new state. */
    record Modify(String entityTag, int expires, String document) implements PublishDecision {
    }

    /** A removal (RFC 3903 §4.5): {@code Expires: 0} with the entity-tag. */
    record Remove(String entityTag) implements PublishDecision {
    }
}
