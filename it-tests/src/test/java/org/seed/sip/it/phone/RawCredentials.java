package org.seed.sip.it.phone;

import java.text.ParseException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sip.PeerUnavailableException;
import javax.sip.SipFactory;
import javax.sip.header.WWWAuthenticateHeader;

import org.seed.sip.it.phone.RawSipClient.Answer;

/**
 * Digest credentials of one user for raw requests ({@link RawSipClient}): the MD5 challenge of a REGISTER
 * without credentials, answered for each request with a growing nonce count.
 */
public final class RawCredentials {

    private final String user;
    private final String password;
    private final WWWAuthenticateHeader challenge;
    private final AtomicInteger nonceCount = new AtomicInteger();

    private RawCredentials(String user, String password, WWWAuthenticateHeader challenge) {
        this.user = user;
        this.password = password;
        this.challenge = challenge;
    }

    /** Asks the platform behind {@code client} for a challenge for {@code user@127.0.0.1}. */
    public static RawCredentials of(RawSipClient client, String user, String password) {
        String aor = "sip:" + user + "@127.0.0.1";
        Answer challenged = client.exchange(client.request("REGISTER", "sip:127.0.0.1", aor, aor, ""),
                Duration.ofSeconds(5)).orElseThrow(() -> new AssertionError("no answer to a REGISTER"));
        if (challenged.status() != 401) {
            throw new AssertionError("a REGISTER without credentials got " + challenged + ", not 401");
        }
        String md5 = challenged.text().lines().filter(line -> line.startsWith("WWW-Authenticate:"))
                .filter(line -> line.contains("MD5")).findFirst()
                .orElseThrow(() -> new AssertionError("no MD5 challenge in " + challenged.text()))
                .substring("WWW-Authenticate:".length()).trim();
        try {
            return new RawCredentials(user, password, (WWWAuthenticateHeader) SipFactory.getInstance()
                    .createHeaderFactory().createHeader(WWWAuthenticateHeader.NAME, md5));
        } catch (ParseException | PeerUnavailableException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Authorization and Proxy-Authorization lines for {@code method} to {@code requestUri}. */
    public String headersFor(String method, String requestUri) {
        String value = DigestAnswer.answer(challenge, method, requestUri, user, password, nonceCount.incrementAndGet());
        return "Authorization: " + value + "\nProxy-Authorization: " + value + "\n";
    }
}
