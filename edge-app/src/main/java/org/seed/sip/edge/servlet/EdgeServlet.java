package org.seed.sip.edge.servlet;

import org.seed.sip.common.edge.UserDirectory;
import org.seed.sip.common.servlet.UnroutedRequestServlet;
import org.seed.sip.edge.StoredUsers;
import org.seed.sip.store.Store;

/**
 * The edge of the EAR: the server's never-relay answers (sip-common), with the users of the shared store,
 * so OPTIONS to a user and requests to unknown users are answered by the location service.
 */
public class EdgeServlet extends UnroutedRequestServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected UserDirectory userDirectory() {
        Store store = Store.shared();
        return new StoredUsers(store.accounts(), store.locations());
    }
}
