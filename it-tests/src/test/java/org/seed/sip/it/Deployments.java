package org.seed.sip.it;

import java.nio.file.Path;
import java.nio.file.Paths;

import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.seed.sip.it.arquillian.PlatformProperties;

/**
 * The archives integration tests deploy: the platform's EAR as the build made it, or one application's
 * WAR on its own with the EAR's shared libraries inside it.
 */
public final class Deployments {

    private Deployments() {
    }

    /** The EAR that {@code bin/sip-platform} runs. */
    public static EnterpriseArchive platformEar() {
        return ShrinkWrap.createFromZipFile(EnterpriseArchive.class, deployment("sip-platform.ear").toFile());
    }

    /**
     * The registrar alone, as its own deployable WAR, with a router file that names only the registrar:
     * the platform's conf/dar.properties names applications this deployment does not have.
     */
    public static WebArchive registrarAlone() {
        return PlatformProperties.withRouter(applicationAlone("registrar-app.war"),
                "REGISTER: (\"registrar-app\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")",
                "OPTIONS: (\"registrar-app\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\")",
                "SUBSCRIBE: (\"registrar-app\", \"DAR:To\", \"TERMINATING\", \"\", \"NO_ROUTE\", \"0\", "
                        + "\"HEADER_Event=^reg\\\\b\")");
    }

    private static WebArchive applicationAlone(String warName) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, deployment(warName).toFile());
        EnterpriseArchive ear = platformEar();
        for (Node node : ear.get("lib").getChildren()) {
            ArchivePath path = node.getPath();
            Asset jar = node.getAsset();
            war.add(jar, "WEB-INF/lib/" + path.get().substring(path.get().lastIndexOf('/') + 1));
        }
        return war;
    }

    private static Path deployment(String name) {
        return Paths.get(System.getProperty("it.deployments.dir", "target/deployments"), name);
    }
}
