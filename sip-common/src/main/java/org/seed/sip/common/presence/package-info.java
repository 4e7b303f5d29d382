/**
 * Presence authorization (RFC 3856 §5.1, in the spirit of RFC 5025's sub-handling): each presentity's
 * rules, what they grant a watcher, and the platform's default for watchers no rule names. Plain rules
 * without the container or the store: the presence server decides SUBSCRIBEs with them, the console
 * shows and checks them.
 */
package org.seed.sip.common.presence;
