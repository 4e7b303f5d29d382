package org.seed.sip.common.event;

/**
 * Who may watch what (RFC 6665 §4.2.1.3: the notifier authorizes every subscription it accepts). Asked again
 * for running subscriptions when the package says the rules of a resource changed.
 */
@FunctionalInterface
public interface AuthorizationRule {

    Authorization authorize(Resource resource, Subscriber subscriber);
}
