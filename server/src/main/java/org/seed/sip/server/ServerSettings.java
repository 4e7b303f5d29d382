package org.seed.sip.server;

import java.nio.file.Path;

import org.seed.sip.common.config.PlatformSettings;

/** What the embedded container needs from the platform configuration. */
public record ServerSettings(
        String sipAddress,
        int udpPort,
        int tcpPort,
        String httpAddress,
        int httpPort,
        Path routerFile,
        Path dataDirectory,
        String serverName,
        int sipThreads) {

    public ServerSettings {
        if (sipThreads < 1) {
            throw new IllegalArgumentException("sip.threads must be at least 1, not " + sipThreads);
        }
    }

    public static ServerSettings from(PlatformSettings settings) {
        return new ServerSettings(
                settings.string("sip.address"),
                settings.integer("sip.udp.port"),
                settings.integer("sip.tcp.port"),
                settings.string("http.address"),
                settings.integer("http.port"),
                settings.path("sip.router.file"),
                settings.path("data.dir"),
                settings.string("sip.server.name"),
                settings.integer("sip.threads"));
    }

    /** Where Tomcat keeps its work files: inside the data directory, never in the installation. */
    public Path containerBase() {
        return dataDirectory.resolve("container");
    }
}
