package org.seed.sip.common.config;

/** A configuration value is missing, malformed or unreadable; the message is meant for the operator. */
public class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }
}
