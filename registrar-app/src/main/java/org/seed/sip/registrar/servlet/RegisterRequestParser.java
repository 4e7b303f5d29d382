package org.seed.sip.registrar.servlet;

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
            throw new MalformedRequestException("Invalid To: " + e.getMessage());
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
        int expires = request.getExpires();
        return new RegisterRequest(aor, request.getCallId(), cseq(request), expires < 0 ? null : expires, wildcard,
                contacts, values(request.getHeaders("Path")), supports(request, "path"),
                new SourceAddress(request.getInitialRemoteAddr(), request.getInitialRemotePort(),
                        request.getInitialTransport()),
                request.getHeader("User-Agent"));
    }

    private static RequestedContact contact(Address contact) {
        int expires = contact.getExpires();
        float q = contact.getQ();
        String regId = contact.getParameter("reg-id");
        return new RequestedContact(contact.getURI().toString(), expires < 0 ? null : expires, q < 0 ? null : q,
                contact.getParameter("+sip.instance"), regId == null ? null : Integer.valueOf(regId));
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
