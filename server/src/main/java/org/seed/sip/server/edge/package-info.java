/**
 * The server's guarantee that the container never relays a request it receives: the router falls back to
 * the edge, the dispatcher answers the dialog-less requests Restcomm would forward statelessly, and a
 * deployment without the edge application gets the server's own.
 */
package org.seed.sip.server.edge;
