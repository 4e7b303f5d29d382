package org.seed.sip.server;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sip.SipFactory;

import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.core.StandardContext;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Constants;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.catalina.startup.ContextConfig;
import org.mobicents.servlet.sip.catalina.SipHostConfig;
import org.mobicents.servlet.sip.catalina.SipStandardManager;
import org.mobicents.servlet.sip.startup.SipContextConfig;
import org.mobicents.servlet.sip.startup.SipProtocolHandler;
import org.mobicents.servlet.sip.startup.SipStandardContext;
import org.mobicents.servlet.sip.startup.SipStandardEngine;
import org.mobicents.servlet.sip.startup.SipStandardService;
import org.seed.sip.server.edge.FallbackEdge;
import org.seed.sip.server.edge.FixedReasonParserFactory;
import org.seed.sip.server.edge.NeverRelayDispatcher;
import org.seed.sip.server.edge.NeverRelayRouterProvider;
import org.seed.sip.server.tls.TlsStack;
import org.seed.sip.server.transport.KeptConnectionsProcessorFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restcomm SIP Servlets on Tomcat 7, assembled in this JVM: a SIP service with one connector per SIP
 * transport and one HTTP connector, an engine with one host, and one context per deployed module.
 * <p>
 * The rest of the platform only sees {@link #start(List)} and {@link #stop()}, so the container can be
 * replaced without touching the applications.
 */
public final class EmbeddedSipServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedSipServer.class);
    private static final String HOST_NAME = "localhost";
    /**
     * JSR 289 finds the application router with the ImageIO service registry, which rejects non-ImageIO
     * classes since Java 9; naming the provider in this property makes the container instantiate it directly.
     */
    private static final String ROUTER_PROVIDER_PROPERTY = "javax.servlet.sip.ar.spi.SipApplicationRouterProvider";
    /** The default router of conf/dar.properties, falling back to the edge instead of relaying. */
    private static final String DEFAULT_ROUTER_PROVIDER = NeverRelayRouterProvider.class.getName();
    /**
     * Tomcat 7 scans every jar it can see for annotations and web fragments, and its class parser fails on
     * Java 9+ {@code module-info.class}. The applications declare everything in their descriptors, so no
     * jar needs scanning.
     */
    private static final String JARS_TO_SKIP_PROPERTY = "tomcat.util.scan.DefaultJarScanner.jarsToSkip";

    private final ServerSettings settings;
    private SipStandardService service;
    private StandardHost host;
    private URLClassLoader sharedLoader;
    private TlsStack tls;

    public EmbeddedSipServer(ServerSettings settings) {
        this.settings = settings;
    }

    /**
     * Boots the container and deploys {@code archives}; returns once every SIP connector listens and the
     * dispatcher accepts requests.
     *
     * @throws IllegalStateException if any part fails to start; what did start is stopped again
     */
    public synchronized void start(List<ApplicationArchive> archives) {
        if (service != null) {
            throw new IllegalStateException("already started");
        }
        try {
            Path base = Files.createDirectories(settings.containerBase());
            Files.createDirectories(base.resolve("webapps"));
            Files.createDirectories(base.resolve("conf"));
            System.setProperty("catalina.base", base.toString());
            System.setProperty("catalina.home", base.toString());
            if (System.getProperty(ROUTER_PROVIDER_PROPERTY) == null) {
                System.setProperty(ROUTER_PROVIDER_PROPERTY, DEFAULT_ROUTER_PROVIDER);
            }
            if (System.getProperty(JARS_TO_SKIP_PROPERTY) == null) {
                System.setProperty(JARS_TO_SKIP_PROPERTY, "*.jar");
            }
            // the key store is checked before the container exists: a mistake is one sentence, not a stack trace
            tls = settings.tls().enabled()
                    ? TlsStack.prepare(settings.tls(), settings.dataDirectory(), settings.certificateNames())
                    : null;
            service = createService(base);
            addConnectors();
            sharedLoader = sharedLoader(archives);
            List<DeployableModule> modules = new ArrayList<>();
            archives.forEach(archive -> modules.addAll(archive.modules()));
            FallbackEdge.forDeployment(modules, base.resolve("fallback")).ifPresent(modules::add);
            for (DeployableModule module : modules) {
                host.addChild(context(module));
            }
            service.start();
            verifyConnectors();
            if (tls != null) {
                LOG.info("TLS on {}:{}, certificate {}", settings.sipAddress(), settings.tls().port(),
                        tls.keyStore().describe());
            }
            service.getSipApplicationDispatcher().putInService();
            verifyDeployments();
        } catch (Exception e) {
            stop();
            throw new IllegalStateException("the SIP container did not start: " + e.getMessage(), e);
        }
    }

    /** Stops the container and releases its ports; safe to call twice or after a failed start. */
    public synchronized void stop() {
        if (service == null) {
            return;
        }
        try {
            service.stop();
            service.destroy();
        } catch (LifecycleException e) {
            LOG.warn("SIP container did not stop cleanly: {}", e.getMessage());
        } finally {
            // JAIN-SIP keeps its stacks in a static factory; a later start in this JVM needs a fresh one.
            SipFactory.getInstance().resetFactory();
            closeSharedLoader();
            service = null;
            host = null;
            tls = null;
        }
    }

    private SipStandardService createService(Path base) throws LifecycleException {
        SipStandardService sipService = new SipStandardService();
        sipService.setName(settings.serverName());
        // Restcomm's dispatcher, minus the stateless relay of dialog-less requests (see NeverRelayDispatcher)
        sipService.setSipApplicationDispatcherClassName(NeverRelayDispatcher.class.getName());
        sipService.setDarConfigurationFileLocation(settings.routerFile().toUri().toString());
        sipService.setSipStackProperties(sipStackProperties());
        // congestion control samples memory every few seconds and starts refusing calls under a load
        // test long before memory is short; the platform relies on its own limits instead.
        sipService.setCongestionControlCheckingInterval(-1);
        // Restcomm's usage statistics are sent to a Restcomm server on the Internet: never from this platform
        sipService.setGatherStatistics(false);

        SipStandardEngine engine = new SipStandardEngine();
        engine.setName(settings.serverName());
        engine.setBaseDir(base.toString());
        engine.setDefaultHost(HOST_NAME);
        engine.setService(sipService);
        sipService.setContainer(engine);
        sipService.init();

        host = new StandardHost();
        host.setName(HOST_NAME);
        host.setAppBase(base.resolve("webapps").toString());
        host.setConfigClass(StandardContext.class.getName());
        host.addLifecycleListener(new SipHostConfig());
        // error pages must not advertise the servlet engine and its version to whoever asks
        ErrorReportValve errorPages = new ErrorReportValve();
        errorPages.setShowServerInfo(false);
        errorPages.setShowReport(false);
        host.getPipeline().addValve(errorPages);
        host.setAutoDeploy(false);
        host.setDeployOnStartup(false);
        // applications start in parallel: most of a cold start is their CDI and store bootstrap
        host.setStartStopThreads(0);
        engine.addChild(host);
        return sipService;
    }

    private Properties sipStackProperties() {
        Properties stack = new StackProperties();
        stack.setProperty("javax.sip.STACK_NAME", settings.serverName());
        stack.setProperty("gov.nist.javax.sip.LOG4J_LOGGER_NAME", "gov.nist");
        stack.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        stack.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        stack.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        stack.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        stack.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", Integer.toString(settings.sipThreads()));
        stack.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        stack.setProperty("gov.nist.javax.sip.MAX_FORK_TIME_SECONDS", "0");
        stack.setProperty("gov.nist.javax.sip.LOOSE_DIALOG_VALIDATION", "true");
        stack.setProperty("gov.nist.javax.sip.PASS_INVITE_NON_2XX_ACK_TO_LISTENER", "true");
        stack.setProperty("gov.nist.javax.sip.AUTOMATIC_DIALOG_ERROR_HANDLING", "false");
        stack.setProperty("gov.nist.javax.sip.AGGRESSIVE_CLEANUP", "true");
        stack.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        // 400 answers to unparsable requests carry a fixed reason phrase, not the parser's exception text
        stack.setProperty("gov.nist.javax.sip.MESSAGE_PARSER_FACTORY", FixedReasonParserFactory.class.getName());
        stack.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                KeptConnectionsProcessorFactory.class.getName());
        stack.setProperty("org.mobicents.servlet.sip.SERVER_HEADER", settings.serverName());
        stack.setProperty("org.mobicents.servlet.sip.USER_AGENT_HEADER", settings.serverName());
        if (tls != null) {
            tls.configure(stack);
        }
        return stack;
    }

    private void addConnectors() throws Exception {
        if (settings.udpPort() > 0) {
            service.addConnector(sipConnector("udp", settings.udpPort()));
        }
        if (settings.tcpPort() > 0) {
            service.addConnector(sipConnector("tcp", settings.tcpPort()));
        }
        if (tls != null) {
            service.addConnector(sipConnector("tls", settings.tls().port()));
        }
        if (settings.httpPort() > 0) {
            Connector http = new Connector("HTTP/1.1");
            http.setPort(settings.httpPort());
            http.setAttribute("address", settings.httpAddress());
            http.setAttribute("server", settings.serverName());
            service.addConnector(http);
        }
    }

    private Connector sipConnector(String transport, int port) throws Exception {
        Connector connector = new Connector(SipProtocolHandler.class.getName());
        SipProtocolHandler handler = (SipProtocolHandler) connector.getProtocolHandler();
        handler.setIpAddress(settings.sipAddress());
        handler.setPort(port);
        handler.setSignalingTransport(transport);
        return connector;
    }

    /** The jars of every EAR's lib/ on one loader, so all modules share one copy of each class. */
    private static URLClassLoader sharedLoader(List<ApplicationArchive> archives) {
        List<URL> urls = new ArrayList<>();
        archives.forEach(archive -> urls.addAll(archive.sharedLibraries()));
        return new EarLibraryClassLoader(urls.toArray(URL[]::new), EmbeddedSipServer.class.getClassLoader());
    }

    /** A SIP application (it has a sip.xml) gets a SIP context; the console and other web modules a plain one. */
    private StandardContext context(DeployableModule module) {
        StandardContext context;
        if (Files.isRegularFile(module.directory().resolve("WEB-INF/sip.xml"))) {
            SipStandardContext sip = new SipStandardContext();
            sip.addLifecycleListener(new SipContextConfig());
            sip.setManager(new SipStandardManager());
            context = sip;
        } else {
            context = new StandardContext();
            ContextConfig config = new ContextConfig();
            // no server-wide conf/web.xml: each module's own descriptor says everything it needs
            config.setDefaultWebXml(Constants.NoDefaultWebXml);
            context.addLifecycleListener(config);
        }
        // Tomcat derives resource URLs (jndi:/host/path/...) from the context's name: it must equal its path
        String path = "/".equals(module.contextPath()) ? "" : module.contextPath();
        context.setName(path);
        context.setPath(path);
        context.setDocBase(module.directory().toString());
        context.setParentClassLoader(sharedLoader);
        context.setProcessTlds(false);
        // a servlet whose init() fails must fail its application, not leave it half-working
        context.setFailCtxIfServletStartFails(true);
        LOG.info("deploying {} at {} from {}", module.name(), module.contextPath(), module.directory());
        return context;
    }

    /**
     * Tomcat and Restcomm log a connector that cannot bind (port in use, unknown address) and carry on; a
     * platform that silently lost a transport must not start.
     */
    private void verifyConnectors() {
        List<String> failed = new ArrayList<>();
        for (Connector connector : service.findConnectors()) {
            boolean listening = connector.getProtocolHandler() instanceof SipProtocolHandler sip
                    ? sip.isStarted()
                    : connector.getState() == LifecycleState.STARTED;
            if (!listening) {
                failed.add(describe(connector));
            }
        }
        if (!failed.isEmpty()) {
            throw new IllegalStateException("cannot listen on " + failed + " (address in use or not local?)");
        }
    }

    private String describe(Connector connector) {
        if (connector.getProtocolHandler() instanceof SipProtocolHandler sip) {
            return sip.getSipConnector().getIpAddress() + ":" + sip.getSipConnector().getPort() + "/"
                    + sip.getSipConnector().getTransport();
        }
        return settings.httpAddress() + ":" + connector.getPort() + "/http";
    }

    /** Tomcat logs a failed context and carries on; the platform must not run with an application missing. */
    private void verifyDeployments() {
        List<String> failed = new ArrayList<>();
        for (org.apache.catalina.Container child : host.findChildren()) {
            if (!((StandardContext) child).getAvailable()) {
                failed.add(child.getName());
            }
        }
        if (!failed.isEmpty()) {
            throw new DeploymentException("applications failed to start: " + failed + " (see the log above)");
        }
    }

    private void closeSharedLoader() {
        if (sharedLoader == null) {
            return;
        }
        try {
            sharedLoader.close();
        } catch (IOException e) {
            LOG.debug("closing the shared library loader: {}", e.getMessage());
        }
        sharedLoader = null;
    }
}
