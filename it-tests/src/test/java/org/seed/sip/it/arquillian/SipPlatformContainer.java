package org.seed.sip.it.arquillian;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.HTTPContext;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.api.InstanceProducer;
import org.jboss.arquillian.core.api.annotation.ApplicationScoped;
import org.jboss.arquillian.core.api.annotation.Inject;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.asset.Asset;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * Arquillian adapter for the platform: each deployment (an EAR or a single application's WAR) runs in a
 * fresh platform JVM with its own ports and database, so test classes cannot see each other's data.
 * Tests run as clients ({@code @Deployment(testable = false)}) and speak SIP to it over loopback.
 */
public class SipPlatformContainer implements DeployableContainer<SipPlatformConfiguration> {

    private static final AtomicInteger RUNS = new AtomicInteger();

    @Inject
    @ApplicationScoped
    private InstanceProducer<RunningPlatform> runningPlatform;

    private SipPlatformConfiguration configuration;
    private PlatformProcess platform;

    @Override
    public Class<SipPlatformConfiguration> getConfigurationClass() {
        return SipPlatformConfiguration.class;
    }

    @Override
    public void setup(SipPlatformConfiguration configuration) {
        this.configuration = configuration;
    }

    @Override
    public void start() {
        // the platform JVM starts with its deployment: a container without applications is of no use
    }

    @Override
    public void stop() {
        stopPlatform();
    }

    @Override
    public ProtocolDescription getDefaultProtocol() {
        return new ProtocolDescription("Local");
    }

    @Override
    public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
        stopPlatform();
        Path run = configuration.workDirectoryPath()
                .resolve(String.format("%03d-%s", RUNS.incrementAndGet(), archive.getName()));
        try {
            // a run directory left by an earlier build must not hand its database to this one
            deleteRecursively(run);
            Files.createDirectories(run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path file = run.resolve(archive.getName());
        archive.as(ZipExporter.class).exportTo(file.toFile(), true);
        Map<String, String> properties = new HashMap<>(PlatformProperties.of(archive));
        PlatformProperties.routerOf(archive).ifPresent(router -> properties.put("sip.router.file",
                writeRouterFile(router, run.resolve("dar.properties")).toString()));
        platform = new PlatformProcess(configuration, file, run, properties);
        try {
            platform.start();
        } catch (IllegalStateException e) {
            platform = null;
            throw new DeploymentException(e.getMessage(), e);
        }
        runningPlatform.set(platform);
        return new ProtocolMetaData().addContext(
                new HTTPContext("127.0.0.1", Integer.parseInt(platform.httpBaseUrl().replaceAll(".*:", ""))));
    }

    @Override
    public void undeploy(Archive<?> archive) {
        stopPlatform();
    }

    @Override
    public void deploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("the platform deploys archives only");
    }

    @Override
    public void undeploy(Descriptor descriptor) {
        throw new UnsupportedOperationException("the platform deploys archives only");
    }

    private static Path writeRouterFile(Asset router, Path file) {
        try (InputStream in = router.openStream()) {
            Files.copy(in, file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            for (Path file : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private void stopPlatform() {
        if (platform != null) {
            platform.stop();
            platform = null;
        }
    }
}
