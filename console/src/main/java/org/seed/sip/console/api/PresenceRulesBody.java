package org.seed.sip.console.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.seed.sip.common.presence.DefaultRule;
import org.seed.sip.common.presence.PresenceRules;

/**
 * A presentity's presence rules as the API reads and writes them ({@code /api/accounts/user@domain/presence-rules}).
 * In a PUT every field is optional: a list left out is empty, a {@code default} left out (or null) is the
 * platform's. {@code platformDefault} is written for the reader (what a null {@code default} means) and
 * ignored in a PUT, so that a GET's body can be changed and PUT back.
 *
 * @param defaultRule     {@code allow}, {@code pending}, {@code block} or {@code polite-block}; null: the platform's
 * @param allow           watchers' SIP URIs or {@code *@domain}: told the presentity's state
 * @param block           the same: refused ({@code 403})
 * @param politeBlock     the same: told their subscription is active, always shown the presentity closed
 * @param platformDefault {@code presence.default.rule}: the grants of watchers of our domains and of others
 */
@JsonIgnoreProperties(value = "platformDefault", allowGetters = true)
public record PresenceRulesBody(@JsonProperty("default") String defaultRule, List<String> allow, List<String> block,
        List<String> politeBlock, PlatformDefault platformDefault) {

    /** The platform's default grants, by the watcher's domain. */
    public record PlatformDefault(String ourDomains, String otherDomains) {
    }

    public static PresenceRulesBody of(PresenceRules rules, DefaultRule platformDefault) {
        return new PresenceRulesBody(rules.defaultRule() == null ? null : rules.defaultRule().token(), rules.allow(),
                rules.block(), rules.politeBlock(),
                new PlatformDefault(platformDefault.ourDomains().token(), platformDefault.otherDomains().token()));
    }
}
