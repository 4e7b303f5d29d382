package org.seed.sip.server;

import java.nio.file.Path;

/**
 * One web or SIP application ready to become a container context: its unpacked directory and the
 * context path it is served under.
 */
public record DeployableModule(String name, String contextPath, Path directory) {
}
