package org.seed.sip.common.servlet;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.SipServletResponse;
import javax.servlet.sip.SipURI;
import javax.servlet.sip.URI;

import org.seed.sip.common.config.PlatformSettings;
import org.seed.sip.common.edge.EdgeAnswer;
import org.seed.sip.common.edge.UnroutedRequest;
import org.seed.sip.common.edge.UnroutedRequestRules;
import org.seed.sip.common.edge.UserDirectory;
import org.seed.sip.common.sip.Capabilities;
import org.seed.sip.common.sip.PlatformCapabilities;
import org.seed.sip.common.sip.SipsTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adapter between the container and {@link UnroutedRequestRules}: every request the application router
 * gives no other application gets its final answer here. Used by the server's fallback of a lone deployment
 * ({@link UnroutedRequestServlet}: no store, every user unknown) and by the edge application (with the
 * location service, behind the kit's failure guard). While started, it contributes OPTIONS to the
 * platform's capabilities: the edge answers OPTIONS to the platform (RFC 3261 §11).
 */
public final class UnroutedRequests {

    private static final Logger LOG = LoggerFactory.getLogger(UnroutedRequests.class);

    private final String application;
    private final UnroutedRequestRules rules;

    private UnroutedRequests(String application, UnroutedRequestRules rules) {
        this.application = application;
        this.rules = rules;
    }

    /**
     * Starts answering for {@code application} (its context path, the name its capabilities are registered
     * under) with the platform's domains, addresses and ports from {@code settings}.
     */
    public static UnroutedRequests start(String application, PlatformSettings settings, UserDirectory users) {
        Set<String> ownHosts = new HashSet<>(settings.list("sip.domains"));
        ownHosts.add(settings.string("sip.address"));
        Set<Integer> ownPorts = new HashSet<>(List.of(settings.integer("sip.udp.port"), settings.integer("sip.tcp.port"),
                settings.integer("sip.tls.port")));
        UnroutedRequests requests = new UnroutedRequests(application,
                new UnroutedRequestRules(ownHosts, ownPorts, PlatformCapabilities.shared(), users));
        PlatformCapabilities.shared().contribute(application, Capabilities.methods("OPTIONS"));
        return requests;
    }

    public void stop() {
        PlatformCapabilities.shared().withdraw(application);
    }

    /**
     * Answers {@code request} (an ACK is never answered) and ends its application session. A failure (the
     * location service's store) propagates with the session left alone, for the caller's guard to answer.
     */
    public void answer(SipServletRequest request) throws IOException {
        // a sips: request that came over an unsecured hop is refused whatever it asks (RFC 3261 §26.2.2),
        // before anything is looked up for it
        Optional<SipsTransport.Refusal> insecure = SipsTransport.checkRequest(request.getRequestURI().toString(),
                request.getInitialTransport());
        Optional<EdgeAnswer> answer = "ACK".equals(request.getMethod()) || insecure.isEmpty()
                ? rules.answer(unrouted(request))
                : insecure.map(refusal -> EdgeAnswer.of(refusal.status(), refusal.reason()));
        if (answer.isPresent()) {
            send(request, answer.get());
        }
        request.getApplicationSession().invalidate();
    }

    private static void send(SipServletRequest request, EdgeAnswer answer) throws IOException {
        SipServletResponse response = request.createResponse(answer.status(), answer.reason());
        answer.headers().forEach((name, value) -> {
            try {
                response.setHeader(name, value);
            } catch (IllegalArgumentException e) {
                // a header the container cannot write must not cost the request its answer
                LOG.warn("{} {}: {} left out of the {}: {}", request.getMethod(), request.getRequestURI(), name,
                        answer.status(), e.getMessage());
            }
        });
        response.send();
        LOG.info("{} {} from {}:{} -> {} (no application takes it)", request.getMethod(), request.getRequestURI(),
                request.getInitialRemoteAddr(), request.getInitialRemotePort(), answer.status());
    }

    private static UnroutedRequest unrouted(SipServletRequest request) {
        URI target = request.getRequestURI();
        UnroutedRequest unrouted = target instanceof SipURI sip
                ? UnroutedRequest.of(request.getMethod(), sip.getScheme(), sip.getHost(), sip.getPort(), sip.getUser())
                : UnroutedRequest.of(request.getMethod(), target.getScheme(), "", -1, null);
        if (request.getTo().getParameter("tag") != null) {
            unrouted = unrouted.inDialog();
        }
        String event = request.getHeader("Event");
        if (event != null) {
            unrouted = unrouted.withEvent(beforeParameters(event));
        }
        unrouted = unrouted.withRequire(optionTags(request));
        if (request.getContentLength() > 0 && request.getContentType() != null) {
            unrouted = unrouted.withBody(beforeParameters(request.getContentType()));
        }
        return unrouted;
    }

    /** Require may be repeated and each value a comma-separated list (RFC 3261 §7.3.1). */
    private static List<String> optionTags(SipServletRequest request) {
        List<String> tags = new ArrayList<>();
        request.getHeaders("Require").forEachRemaining(value -> {
            for (String tag : value.split(",")) {
                if (!tag.isBlank()) {
                    tags.add(tag.trim().toLowerCase(Locale.ROOT));
                }
            }
        });
        return tags;
    }

    private static String beforeParameters(String value) {
        int semicolon = value.indexOf(';');
        return (semicolon < 0 ? value : value.substring(0, semicolon)).trim();
    }
}
