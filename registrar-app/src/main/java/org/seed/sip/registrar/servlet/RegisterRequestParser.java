package org.seed.sip.registrar.servlet;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ListIterator;

import javax.servlet.sip.Address;
import javax.servlet.sip.ServletParseException;
import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.sip.AddressOfRecord;
import org.seed.sip.registrar.rules.RegisterRequest;
import org.seed.sip.registrar.rules.RequestedContact;
import org.seed.sip.registrar.rules.SourceAddress;

/** Turns the container's REGISTER into the registrar's {@link RegisterRequest}. */
final class RegisterRequestParser {

    private RegisterRequestParser() {
    }

    /**
     * @throws MalformedRequestException with the reason phrase of the 400 to send
     */
    static RegisterRequest parse(SipServletRequest request) throws MalformedRequestException {
        AddressOfRecord aor;
        try {
            aor = AddressOfRecord.parse(request.getTo().getURI().toString());
        } catch (IllegalArgumentException e) {
            throw new MalformedRequestException("Invalid To");
        }
        boolean wildcard = false;
        List<RequestedContact> contacts = new ArrayList<>();
        try {
            ListIterator<Address> addresses = request.getAddressHeaders("Contact");
            while (addresses.hasNext()) {
                Address contact = addresses.next();
                if (contact.isWildcard()) {
                    wildcard = true;
                } else {
                    contacts.add(contact(contact));
                }
            }
        } catch (ServletParseException | IllegalArgumentException e) {
            throw new MalformedRequestException("Invalid Contact");
        }
        Integer expires = deltaSeconds(request.getHeader("Expires"), "Invalid Expires");
        return new RegisterRequest(aor, request.getCallId(), cseq(request), expires, wildcard,
                contacts, values(request.getHeaders("Path")), supports(request, "path"),
                new SourceAddress(request.getInitialRemoteAddr(), request.getInitialRemotePort(),
                        request.getInitialTransport()),
                request.getHeader("User-Agent"));
    }

    private static RequestedContact contact(Address contact) throws MalformedRequestException {
        Integer expires = deltaSeconds(contact.getParameter("expires"), "Invalid Contact");
        float q = contact.getQ();
        if (q > 1) {
            // RFC 3261 §20.10: a qvalue is at most 1
            throw new MalformedRequestException("Invalid Contact");
        }
        String regId = contact.getParameter("reg-id");
        return new RequestedContact(contact.getURI().toString(), expires, q < 0 ? null : q,
                contact.getParameter("+sip.instance"), regId == null ? null : Integer.valueOf(regId));
    }

    /**
     * An expiry in seconds, or null if absent. RFC 3261 §25.1 delta-seconds is any number of digits: one too
     * large for an int asks for longer than the registrar ever grants, so it becomes the largest int and the
     * maximum applies (RFC 4475 §3.1.2.4 sends such values); anything but digits is malformed.
     */
    private static Integer deltaSeconds(String value, String malformed) throws MalformedRequestException {
        if (value == null) {
            return null;
        }
        String digits = value.trim();
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit)) {
            throw new MalformedRequestException(malformed);
        }
        return new BigInteger(digits).min(BigInteger.valueOf(Integer.MAX_VALUE)).intValueExact();
    }

    private static long cseq(SipServletRequest request) throws MalformedRequestException {
        String cseq = request.getHeader("CSeq");
        try {
            return Long.parseLong(cseq.trim().split("\\s+")[0]);
        } catch (RuntimeException e) {
            throw new MalformedRequestException("Invalid CSeq");
        }
    }

    private static boolean supports(SipServletRequest request, String extension) {
        Iterator<String> supported = request.getHeaders("Supported");
        while (supported.hasNext()) {
            for (String token : supported.next().split(",")) {
                if (token.trim().equalsIgnoreCase(extension)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static List<String> values(Iterator<String> headers) {
        List<String> values = new ArrayList<>();
        headers.forEachRemaining(values::add);
        return values;
    }
}
