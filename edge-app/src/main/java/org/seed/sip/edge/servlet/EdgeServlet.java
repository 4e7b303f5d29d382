package org.seed.sip.edge.servlet;

import java.io.IOException;

import javax.servlet.sip.SipServletRequest;

import org.seed.sip.common.servlet.UnroutedRequests;
import org.seed.sip.edge.StoredUsers;
import org.seed.sip.kit.platform.SharedPlatform;
import org.seed.sip.kit.servlet.GuardedSipServlet;
import org.seed.sip.store.Store;

/**
 * The edge of the EAR: the never-relay answers (sip-common's {@link UnroutedRequests}) with the users of the
 * shared store, so OPTIONS to a user and requests to unknown users are answered by the location service; a
 * store failure on the way is answered by the kit's guard (503 with Retry-After) like in every application.
 */
public class EdgeServlet extends GuardedSipServlet {

    private static final long serialVersionUID = 1L;

    private transient SharedPlatform.Use platform;
    private transient UnroutedRequests requests;

    /** The edge uses the shared store from its start to its stop, so it is not closed under it. */
    @Override
    public void init() {
        platform = SharedPlatform.process().use(getServletContext().getContextPath());
        platform.start();
        Store store = platform.store();
        requests = UnroutedRequests.start(getServletContext().getContextPath(), platform.settings(),
                new StoredUsers(store.accounts(), store.locations()));
    }

    @Override
    public void destroy() {
        requests.stop();
        platform.stop();
    }

    @Override
    protected void doRequest(SipServletRequest request) throws IOException {
        requests.answer(request);
    }
}
