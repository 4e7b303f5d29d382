/**
 * Session timers (RFC 4028) and the maximum call duration of the B2BUA, as rules with no container: the
 * header grammar ({@link org.seed.sip.b2bua.timer.SessionExpires}, {@link org.seed.sip.b2bua.timer.TimerHeaders}),
 * the negotiation as UAS towards the party that sent a request ({@link org.seed.sip.b2bua.timer.UasTimerRules},
 * §9) and as UAC towards the party the B2BUA sends one to ({@link org.seed.sip.b2bua.timer.UacTimerRules}, §7),
 * one leg's schedule ({@link org.seed.sip.b2bua.timer.SessionTimer}, §10) and a call's next timed action
 * ({@link org.seed.sip.b2bua.timer.CallTimers}). Each leg negotiates its own timer: the B2BUA ends the session
 * on both legs when either one expires.
 */
package org.seed.sip.b2bua.timer;
