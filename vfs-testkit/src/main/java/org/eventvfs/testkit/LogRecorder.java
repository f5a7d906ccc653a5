package org.eventvfs.testkit;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Records what one class logs, for tests that check a message was written. */
public final class LogRecorder implements AutoCloseable {
    private final Logger logger;
    private final Level levelBefore;
    private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

    /** Records at the level the logging configuration gives {@code source}. */
    public LogRecorder(Class<?> source) {
        this(source, null);
    }

    /**
     * Records {@code source} down to {@code level} (null: as configured), which tests' configurations
     * may set higher to keep the build's output short; {@link #close()} sets it back.
     */
    public LogRecorder(Class<?> source, Level level) {
        logger = (Logger) LoggerFactory.getLogger(source);
        levelBefore = logger.getLevel();
        if (level != null) {
            logger.setLevel(level);
        }
        appender.start();
        logger.addAppender(appender);
    }

    public List<String> messages() {
        synchronized (appender) {
            return appender.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).toList();
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        logger.setLevel(levelBefore);
    }
}
