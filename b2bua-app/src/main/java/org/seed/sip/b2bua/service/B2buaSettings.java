package org.seed.sip.b2bua.service;

import org.seed.sip.b2bua.timer.TimerSettings;
import org.seed.sip.common.config.PlatformSettings;

/**
 * The B2BUA's part of the platform configuration (conf/platform.properties, "b2bua" block).
 *
 * @param ringSeconds          how long a call rings before the caller gets 480 ({@code b2bua.ring.timeout})
 * @param serialForkSeconds    how long contacts of one q ring before the next lower q is tried
 *                             ({@code b2bua.fork.serial.timeout})
 * @param followRedirects      whether a callee's 3xx is followed ({@code b2bua.redirect.follow}) or relayed
 * @param maxTargets           how many contacts one call may try in all, redirects and forwards included
 *                             ({@code b2bua.targets.max}): the bound on a redirect loop
 * @param maxForwards          how many forwardings (user to user) one call follows ({@code b2bua.forward.max}):
 *                             one more is 483
 * @param outboundCalls        whether a user of ours may call a URI of another domain
 *                             ({@code b2bua.outbound.calls}); forwarding to one is the user's preference
 * @param timers               session timers and the maximum call duration
 */
public record B2buaSettings(int ringSeconds, int serialForkSeconds, boolean followRedirects,
        int maxTargets, int maxForwards, boolean outboundCalls, TimerSettings timers) {

    public static B2buaSettings from(PlatformSettings settings) {
        return new B2buaSettings(settings.integer("b2bua.ring.timeout"),
                settings.integer("b2bua.fork.serial.timeout"),
                Boolean.parseBoolean(settings.string("b2bua.redirect.follow")),
                settings.integer("b2bua.targets.max"),
                settings.integer("b2bua.forward.max"),
                Boolean.parseBoolean(settings.string("b2bua.outbound.calls")),
                new TimerSettings(settings.integer("b2bua.session.expires"), settings.integer("b2bua.session.min.se"),
                        settings.integer("b2bua.max.duration")));
    }
}
