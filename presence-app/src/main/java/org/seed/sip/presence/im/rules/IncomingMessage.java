package org.seed.sip.presence.im.rules;

/**
 * What admission reads of a MESSAGE (RFC 3428), taken from the container's request.
 *
 * @param initial      whether the container sees it outside any dialog
 * @param toTag        whether its To carries a tag (RFC 3261 §12.2: it claims a dialog)
 * @param maxForwards  its Max-Forwards
 * @param bodyLength   its body's length in bytes
 * @param contentType  its Content-Type, or null
 * @param senderUser   the user part of its From URI, or null (no SIP URI, or none)
 * @param senderHost   the host of its From URI, or null
 * @param targetUser   the user part of its Request-URI, or null
 * @param targetHost   the host of its Request-URI, or null when it is no SIP URI
 * @param targetPort   the port of its Request-URI, or -1 when it names none
 */
public record IncomingMessage(boolean initial, boolean toTag, int maxForwards, int bodyLength, String contentType,
        String senderUser, String senderHost, String targetUser, String targetHost, int targetPort) {
}
