package org.seed.sip.registrar.rules;

/** The transport address a request arrived from: what a NAT'd phone is reachable at. */
public record SourceAddress(String address, int port, String transport) {
}
