package org.seed.sip.it.arquillian;

import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * What a test knows of the platform it talks to; inject it with {@code @ArquillianResource}.
 */
public interface RunningPlatform {

    /** Password of the bootstrap administrator in every test run. */
    String ADMIN_PASSWORD = "admin-it-secret";
    /** Password of the demo accounts (alice, bob) in every test run. */
    String DEMO_PASSWORD = "demo-it-secret";

    /** Where SIP requests go (UDP and TCP share it). */
    InetSocketAddress sipAddress();

    /** Where SIP over TLS goes (RFC 3261 §26: sips: URIs, or sip: with transport=tls). */
    InetSocketAddress sipsAddress();

    /** The certificate the platform generated for its TLS connector (PEM), for phones to trust. */
    Path tlsCertificate();

    /** {@code http://127.0.0.1:PORT} of the console. */
    String httpBaseUrl();

    /** JDBC URL of the platform's embedded database, usable while it runs. */
    String jdbcUrl();

    Path logFile();

    /** Stops the platform as an operator would (SIGTERM) and starts it again on the same data. */
    void restart();

    /** Kills the platform without warning (SIGKILL) and starts it again on the same data. */
    void killAndRestart();
}
