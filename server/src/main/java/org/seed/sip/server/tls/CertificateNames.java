package org.seed.sip.server.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The names a server certificate must carry as subjectAltName: RFC 5922 §7.1 has SIP clients match the
 * domain they resolved (DNS names) or the address they dialled (IP addresses) against it, not the subject's
 * common name.
 *
 * @param ipAddresses literal addresses, normalised ({@code 127.0.0.1}, {@code 0:0:0:0:0:0:0:1})
 * @param dnsNames    host names, lower case
 */
public record CertificateNames(List<String> ipAddresses, List<String> dnsNames) {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    public CertificateNames {
        ipAddresses = List.copyOf(ipAddresses);
        dnsNames = List.copyOf(dnsNames);
        if (ipAddresses.isEmpty() && dnsNames.isEmpty()) {
            throw new IllegalArgumentException("a certificate needs at least one name");
        }
    }

    /**
     * Sorts {@code names} (the SIP address and domains) into addresses and host names, without looking
     * anything up; the wildcard address, which no client dials, is left out.
     */
    public static CertificateNames of(Collection<String> names) {
        Set<String> ips = new LinkedHashSet<>();
        Set<String> hosts = new LinkedHashSet<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.startsWith("[") && name.endsWith("]")) {
                name = name.substring(1, name.length() - 1);
            }
            if (name.isEmpty()) {
                continue;
            }
            if (IPV4.matcher(name).matches() || name.contains(":")) {
                String address = normalisedAddress(name);
                if (!isWildcard(address)) {
                    ips.add(address);
                }
            } else {
                hosts.add(name.toLowerCase(Locale.ROOT));
            }
        }
        return new CertificateNames(new ArrayList<>(ips), new ArrayList<>(hosts));
    }

    /** The subject's common name: the first host name, else the first address (for old clients that read it). */
    public String commonName() {
        return dnsNames.isEmpty() ? ipAddresses.get(0) : dnsNames.get(0);
    }

    /** True when {@code certificate}'s subjectAltName lists every one of these names. */
    public boolean coveredBy(X509Certificate certificate) {
        return of(alternativeNames(certificate)).containsAll(this);
    }

    /** What {@code certificate}'s subjectAltName lists, as these names. */
    public static List<String> alternativeNames(X509Certificate certificate) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    int type = (Integer) entry.get(0);
                    if (type == SAN_DNS || type == SAN_IP) {
                        names.add((String) entry.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // an unparseable extension covers nothing: the certificate is renewed
        }
        return names;
    }

    /** {@code 127.0.0.1, localhost}: addresses, then host names. */
    @Override
    public String toString() {
        List<String> all = new ArrayList<>(ipAddresses);
        all.addAll(dnsNames);
        return String.join(", ", all);
    }

    private boolean containsAll(CertificateNames other) {
        return ipAddresses.containsAll(other.ipAddresses) && dnsNames.containsAll(other.dnsNames);
    }

    private static String normalisedAddress(String literal) {
        try {
            // a literal address is parsed, never looked up
            return InetAddress.getByName(literal).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }

    private static boolean isWildcard(String address) {
        return "0.0.0.0".equals(address) || "0:0:0:0:0:0:0:0".equals(address);
    }
}
