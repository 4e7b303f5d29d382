package org.seed.sip.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.server.tls.CertificateNames;
import org.seed.sip.server.tls.TlsSettings;

/** What the embedded container needs from the platform configuration. */
public record ServerSettings(
        String sipAddress,
        int udpPort,
        int tcpPort,
        TlsSettings tls,
        List<String> domains,
        String httpAddress,
        int httpPort,
        Path routerFile,
        Path dataDirectory,
        String serverName,
        int sipThreads) {

    public ServerSettings {
        domains = List.copyOf(domains);
        if (sipThreads < 1) {
            throw new IllegalArgumentException("sip.threads must be at least 1, not " + sipThreads);
        }
    }

    public static ServerSettings from(PlatformSettings settings) {
        return new ServerSettings(
                settings.string("sip.address"),
                settings.integer("sip.udp.port"),
                settings.integer("sip.tcp.port"),
                TlsSettings.from(settings),
                settings.list("sip.domains"),
                settings.string("http.address"),
                settings.integer("http.port"),
                settings.path("sip.router.file"),
                settings.path("data.dir"),
                settings.string("sip.server.name"),
                settings.integer("sip.threads"));
    }

    /** The names a generated TLS certificate is issued for: the SIP address and every domain served. */
    public CertificateNames certificateNames() {
        List<String> names = new ArrayList<>(domains);
        names.add(0, sipAddress);
        return CertificateNames.of(names);
    }

    /** Where Tomcat keeps its work files: inside the data directory, never in the installation. */
    public Path containerBase() {
        return dataDirectory.resolve("container");
    }
}
