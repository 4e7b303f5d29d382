package org.seed.sip.b2bua.timer;

/** One header to add to a message (SipServletMessage.addHeader): Require joins any Require already there. */
public record TimerHeader(String name, String value) {
}
