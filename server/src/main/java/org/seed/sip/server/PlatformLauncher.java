package org.seed.sip.server;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import org.seed.sip.common.config.ConfigurationException;
import org.seed.sip.common.config.PlatformSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code bin/sip-platform}: loads the configuration, boots the container with the EAR and waits for
 * SIGTERM. Exit status 2 means bad arguments or configuration, 1 a failed start.
 */
public final class PlatformLauncher {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformLauncher.class);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private PlatformLauncher() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        LaunchOptions options;
        PlatformSettings settings;
        ServerSettings serverSettings;
        try {
            options = LaunchOptions.parse(args);
            if (options.help()) {
                System.out.println(LaunchOptions.USAGE);
                return;
            }
            settings = PlatformSettings.load(options.configFile());
            serverSettings = ServerSettings.from(settings);
        } catch (IllegalArgumentException | ConfigurationException e) {
            System.err.println("sip-platform: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        // the applications read the configuration with their own copy of sip-common (from the EAR): they must
        // find the same file
        if (options.configFile() != null) {
            System.setProperty(PlatformSettings.CONFIG_FILE_PROPERTY, options.configFile().toAbsolutePath().toString());
        }
        EmbeddedSipServer server = new EmbeddedSipServer(serverSettings);
        try {
            server.start(unpack(options.archives(), serverSettings));
        } catch (RuntimeException e) {
            LOG.error("platform did not start: {}", e.getMessage(), e);
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("stopping");
            server.stop();
            LOG.info("stopped");
            stopped.countDown();
        }, "platform-shutdown"));
        reportReadiness(serverSettings);
        awaitQuietly(stopped);
    }

    private static List<ApplicationArchive> unpack(List<Path> archives, ServerSettings settings) {
        Path work = settings.containerBase().resolve("deployments");
        List<ApplicationArchive> unpacked = new ArrayList<>();
        for (Path archive : archives) {
            unpacked.add(ApplicationArchive.unpack(archive, work));
        }
        return unpacked;
    }

    /** Start-up is measured the way a phone sees it: from JVM start to the first answered OPTIONS. */
    private static void reportReadiness(ServerSettings settings) {
        if (settings.udpPort() <= 0) {
            LOG.info("started in {} ms (no UDP connector to probe)", sinceJvmStart());
            return;
        }
        try {
            int status = new OptionsProbe(settings.sipAddress(), settings.udpPort()).awaitAnswer(READY_TIMEOUT);
            if (status == 200) {
                LOG.info("ready: first 200 OK to OPTIONS sip:{}:{} {} ms after JVM start",
                        settings.sipAddress(), settings.udpPort(), sinceJvmStart());
            } else {
                LOG.warn("started, but OPTIONS sip:{}:{} was answered {} ({} ms after JVM start)",
                        settings.sipAddress(), settings.udpPort(), status < 0 ? "not at all" : status, sinceJvmStart());
            }
        } catch (IOException e) {
            LOG.warn("started, but the readiness probe failed: {}", e.getMessage());
        }
    }

    private static long sinceJvmStart() {
        return System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The command line: {@code [--config FILE] [--ear FILE]... }. */
    record LaunchOptions(Path configFile, List<Path> archives, boolean help) {

        static final String USAGE = """
                usage: sip-platform [--config FILE] [--ear FILE]...
                  --config FILE  platform.properties with the keys to change (see conf/platform.properties)
                  --ear FILE     an .ear or .war to deploy; repeat for more (default: the EAR built by ear/)
                  --help         this text""";

        static LaunchOptions parse(String[] args) {
            Path config = null;
            List<Path> archives = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--config" -> config = existingFile(args, ++i, "--config");
                    case "--ear" -> archives.add(existingFile(args, ++i, "--ear"));
                    case "--help", "-h" -> {
                        return new LaunchOptions(null, List.of(), true);
                    }
                    default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'");
                }
            }
            if (archives.isEmpty()) {
                throw new IllegalArgumentException("no application archive given (--ear FILE)");
            }
            return new LaunchOptions(config, archives, false);
        }

        private static Path existingFile(String[] args, int index, String option) {
            if (index >= args.length) {
                throw new IllegalArgumentException(option + " needs a file name");
            }
            Path file = Paths.get(args[index]);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException(option + " " + file + ": no such file");
            }
            return file;
        }
    }
}
