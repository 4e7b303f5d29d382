/**
 * SIP Digest authentication (RFC 3261 §22, RFC 7616, RFC 8760) shared by every application: parsing
 * credentials, issuing and checking nonces, verifying responses, building challenges and throttling
 * sources that keep failing. {@link org.seed.sip.common.auth.Authenticator} is the entry point.
 * <p>
 * Pure protocol logic: nothing here imports {@code javax.servlet.sip} or {@code javax.persistence}; the
 * container adapter is {@code org.seed.sip.common.servlet.SipAuthentication} and accounts come through
 * {@link org.seed.sip.common.auth.CredentialLookup}.
 */
package org.seed.sip.common.auth;
