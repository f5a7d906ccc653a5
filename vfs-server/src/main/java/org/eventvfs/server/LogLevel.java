package org.eventvfs.server;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets the level of the root logger, which logback.xml first sets from {@code VFS_LOG_LEVEL}:
 * {@code vfs run} sets it again from its configuration at start and at each reload. The libraries
 * that logback.xml keeps at WARN stay there.
 */
final class LogLevel {
    private LogLevel() {
    }

    /** @param level one of the levels {@link ConfigValues#logLevel} accepts */
    static void apply(String level) {
        ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.toLevel(level));
    }
}
