/**
 * The platform's edge: how a request that no application takes is answered, never forwarded
 * (RFC 3261 §8.2 for a user agent server that serves nothing else). Plain rules without the container,
 * used by the edge application of the EAR and by the server's own fallback for a lone deployment.
 */
package org.seed.sip.common.edge;
