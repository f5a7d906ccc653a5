package org.eventvfs.server;

/** A configuration value that cannot be used; the message names the file, variable or flag it came from. */
final class ConfigException extends RuntimeException {
    ConfigException(String message) {
        super(message, null, false, false);
    }
}
