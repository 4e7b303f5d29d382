package org.seed.sip.server.edge;

import java.io.Serializable;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.sip.SipServletRequest;
import javax.servlet.sip.ar.SipApplicationRouter;
import javax.servlet.sip.ar.SipApplicationRouterInfo;
import javax.servlet.sip.ar.SipApplicationRoutingDirective;
import javax.servlet.sip.ar.SipApplicationRoutingRegion;
import javax.servlet.sip.ar.SipApplicationRoutingRegionType;
import javax.servlet.sip.ar.SipRouteModifier;
import javax.servlet.sip.ar.SipTargetedRequestInfo;

import org.mobicents.servlet.sip.router.DefaultApplicationRouter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The container's Default Application Router (conf/dar.properties), except that a request from outside
 * for which the table selects no deployed application goes to the edge instead of out of the container.
 * JSR 289 §15.4.1 step 3 has the container send such a request to its Request-URI: Restcomm forwards it
 * statefully to any host it names, which made the platform an open relay.
 * <p>
 * Also when the table throws (Restcomm's {@code HEADER_} condition fails on a request without that
 * header) the edge answers, instead of the container's 500.
 */
public final class NeverRelayRouter implements SipApplicationRouter {

    /** The edge application of the EAR; it knows the store's users. */
    public static final String EDGE_APPLICATION = "edge-app";
    /** The server's own edge, deployed when the deployment has none ({@link FallbackEdge}). */
    public static final String FALLBACK_APPLICATION = "platform-edge";

    private static final Logger LOG = LoggerFactory.getLogger(NeverRelayRouter.class);
    private static final SipApplicationRoutingRegion TERMINATING =
            new SipApplicationRoutingRegion("TERMINATING", SipApplicationRoutingRegionType.TERMINATING);

    private final SipApplicationRouter table = new DefaultApplicationRouter();
    private final Set<String> deployed = ConcurrentHashMap.newKeySet();

    @Override
    public void init() {
        table.init();
    }

    @Override
    public void init(Properties properties) {
        table.init(properties);
    }

    @Override
    public void applicationDeployed(List<String> names) {
        deployed.addAll(names);
        table.applicationDeployed(names);
    }

    @Override
    public void applicationUndeployed(List<String> names) {
        deployed.removeAll(names);
        table.applicationUndeployed(names);
    }

    @Override
    public void destroy() {
        table.destroy();
    }

    @Override
    public SipApplicationRouterInfo getNextApplication(SipServletRequest request, SipApplicationRoutingRegion region,
            SipApplicationRoutingDirective directive, SipTargetedRequestInfo targeted, Serializable stateInfo) {
        SipApplicationRouterInfo selected;
        try {
            selected = table.getNextApplication(request, region, directive, targeted, stateInfo);
        } catch (RuntimeException e) {
            LOG.debug("the routing table failed on {} {}: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return edge();
        }
        // a request an application sends (its session exists) may leave the container: that is its purpose
        boolean fromOutside = request.getSession(false) == null;
        if (fromOutside && (selected == null || selected.getNextApplicationName() == null)) {
            return edge();
        }
        return selected;
    }

    private SipApplicationRouterInfo edge() {
        String edge = deployed.contains(EDGE_APPLICATION) ? EDGE_APPLICATION : FALLBACK_APPLICATION;
        return new SipApplicationRouterInfo(edge, TERMINATING, null, new String[0], SipRouteModifier.NO_ROUTE, null);
    }
}
