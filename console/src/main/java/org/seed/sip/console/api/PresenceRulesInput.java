package org.seed.sip.console.api;

import java.util.List;

import org.seed.sip.common.presence.PresenceRules;
import org.seed.sip.common.presence.WatcherGrant;

/**
 * What a PUT of presence rules may say: a default that is one of the four grants, and lists of watchers'
 * SIP URIs ({@code sip:user@domain}, no port or parameters) or {@code *@domain}. Each refusal names the
 * field, and for a list the entry and why.
 */
final class PresenceRulesInput {

    private PresenceRulesInput() {
    }

    /** @throws ApiException 400 naming the first field, or entry, that is wrong */
    static PresenceRules rules(PresenceRulesBody body) {
        WatcherGrant defaultRule = body.defaultRule() == null ? null : WatcherGrant.fromToken(body.defaultRule())
                .orElseThrow(() -> ApiException.badRequest("default must be allow, pending, block or polite-block, not '"
                        + body.defaultRule() + "'"));
        PresenceRules rules;
        try {
            rules = new PresenceRules(defaultRule, list("allow", body.allow()), list("block", body.block()),
                    list("politeBlock", body.politeBlock()));
        } catch (IllegalArgumentException e) {
            // the value's own bounds (list sizes, entry lengths); its message starts with the field
            throw ApiException.badRequest(e.getMessage());
        }
        rules.firstProblem().ifPresent(problem -> {
            throw ApiException.badRequest(problem.message());
        });
        return rules;
    }

    private static List<String> list(String field, List<String> given) {
        if (given == null) {
            return List.of();
        }
        int nullAt = given.indexOf(null);
        if (nullAt >= 0) {
            throw ApiException.badRequest(field + "[" + nullAt + "] must not be null");
        }
        return given;
    }
}
