package org.seed.sip.server;

import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

/**
 * JAIN-SIP's stack properties, which carry the TLS key store password. Restcomm's service logs them whole
 * at INFO when it creates the stack ({@code SipStandardService.initSipStack}); printed, passwords show as
 * {@code ***}.
 */
final class StackProperties extends Properties {

    private static final long serialVersionUID = 1L;

    @Override
    public synchronized String toString() {
        Map<Object, Object> shown = new TreeMap<>();
        forEach((key, value) -> shown.put(key, key.toString().endsWith("Password") ? "***" : value));
        return shown.toString();
    }
}
