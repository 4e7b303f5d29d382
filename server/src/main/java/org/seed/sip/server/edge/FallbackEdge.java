package org.seed.sip.server.edge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.seed.sip.common.servlet.UnroutedRequestServlet;
import org.seed.sip.server.DeployableModule;

/**
 * The server's own edge for a deployment without {@code edge-app} (one application's WAR alone): a SIP
 * context of one servlet, sip-common's {@link UnroutedRequestServlet}, loaded from the server's class
 * path. It knows no users (no store here), so it answers as the edge does with every user unknown.
 */
public final class FallbackEdge {

    private static final String SIP_XML = """
            <?xml version="1.0" encoding="UTF-8"?>
            <sip-app>
              <app-name>%s</app-name>
              <display-name>%s</display-name>
              <description>the server's fallback: answers what no deployed application takes, forwards nothing</description>
              <servlet-selection><main-servlet>edge</main-servlet></servlet-selection>
              <servlet>
                <servlet-name>edge</servlet-name>
                <servlet-class>%s</servlet-class>
                <load-on-startup>1</load-on-startup>
              </servlet>
            </sip-app>
            """.formatted(NeverRelayRouter.FALLBACK_APPLICATION, NeverRelayRouter.FALLBACK_APPLICATION,
            UnroutedRequestServlet.class.getName());

    private FallbackEdge() {
    }

    /** The fallback to deploy next to {@code modules}, unpacked under {@code base}; empty if they have an edge. */
    public static Optional<DeployableModule> forDeployment(List<DeployableModule> modules, Path base)
            throws IOException {
        for (DeployableModule module : modules) {
            if (declaresApplication(module, NeverRelayRouter.EDGE_APPLICATION)) {
                return Optional.empty();
            }
        }
        Path directory = base.resolve(NeverRelayRouter.FALLBACK_APPLICATION);
        Files.createDirectories(directory.resolve("WEB-INF"));
        Files.writeString(directory.resolve("WEB-INF/sip.xml"), SIP_XML, StandardCharsets.UTF_8);
        return Optional.of(new DeployableModule(NeverRelayRouter.FALLBACK_APPLICATION,
                "/" + NeverRelayRouter.FALLBACK_APPLICATION, directory));
    }

    private static boolean declaresApplication(DeployableModule module, String name) throws IOException {
        Path sipXml = module.directory().resolve("WEB-INF/sip.xml");
        return Files.isRegularFile(sipXml)
                && Files.readString(sipXml, StandardCharsets.UTF_8).contains("<app-name>" + name + "</app-name>");
    }
}
