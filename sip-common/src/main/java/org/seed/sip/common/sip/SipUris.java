package org.seed.sip.common.sip;

import java.text.ParseException;
import java.util.Optional;

import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;

import gov.nist.javax.sip.address.AddressFactoryImpl;

/** SIP URIs parsed by JAIN-SIP's grammar, with one factory for the process. */
public final class SipUris {

    /** Stateless: each call parses with a parser of its own. */
    private static final AddressFactory ADDRESSES = new AddressFactoryImpl();

    private SipUris() {
    }

    /** {@code text} as a SIP or SIPS URI; empty for another scheme or text that is not a URI. */
    public static Optional<SipURI> parse(String text) {
        try {
            return ADDRESSES.createURI(text.trim()) instanceof SipURI uri ? Optional.of(uri) : Optional.empty();
        } catch (ParseException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code text} is a bare host name or address, as JAIN-SIP parses the host of {@code sip:text}. */
    public static boolean isHost(String text) {
        return !text.isEmpty() && parse("sip:" + text)
                .filter(uri -> uri.getUser() == null && uri.getPort() < 0 && !uri.getParameterNames().hasNext()
                        && !uri.getHeaderNames().hasNext())
                .filter(uri -> uri.getHost().equalsIgnoreCase(text))
                .isPresent();
    }
}
