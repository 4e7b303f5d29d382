package org.seed.sip.common.auth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * RFC 7616 §3.9.1, "Example with SHA-256 and MD5": user Mufasa, password "Circle of Life", realm
 * http-auth@example.org, GET /dir/index.html. The Authorization values are under
 * {@code src/test/resources/rfc7616/}.
 */
final class Rfc7616Example {

    static final String USERNAME = "Mufasa";
    static final String PASSWORD = "Circle of Life";
    static final String REALM = "http-auth@example.org";
    static final String METHOD = "GET";
    static final String URI = "/dir/index.html";
    static final String NONCE = "7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v";
    static final String CNONCE = "f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ";
    static final String OPAQUE = "FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS";
    static final String SHA256_RESPONSE = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
    static final String MD5_RESPONSE = "8ca523f5e9506fed4657c9700eebdbec";

    private Rfc7616Example() {
    }

    /** The Authorization value of {@code rfc7616/authorization-<name>.txt}. */
    static String authorization(String name) {
        try (InputStream in = Rfc7616Example.class.getResourceAsStream("/rfc7616/authorization-" + name + ".txt")) {
            if (in == null) {
                throw new IllegalArgumentException("no example " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mufasa's stored credentials, as the platform would keep them. */
    static StoredCredentials storedCredentials() {
        return new StoredCredentials(DigestClient.ha1("MD5", USERNAME, REALM, PASSWORD),
                DigestClient.ha1("SHA-256", USERNAME, REALM, PASSWORD), false, true);
    }
}
