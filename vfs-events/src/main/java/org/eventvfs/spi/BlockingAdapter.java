package org.eventvfs.spi;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.Map;

/**
 * A protocol adapter whose server library blocks while it binds and while it stops (SSHD,
 * FtpServer). Its settings are read first, so a mistake fails the start at once; listening and
 * stopping then run on a Vert.x worker thread, never on an event loop.
 *
 * @param <S> the adapter's settings, as read from its configuration section
 */
public abstract class BlockingAdapter<S> implements ProtocolAdapter {
    private Vertx vertx;

    @Override
    public final Future<String> start(AdapterContext context) {
        S settings;
        try {
            settings = settings(context.settings());
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(e);
        }
        vertx = context.vertx();
        return vertx.executeBlocking(() -> listen(context, settings));
    }

    @Override
    public final Future<Void> stop() {
        if (vertx == null) {
            return Future.succeededFuture();
        }
        return vertx.executeBlocking(() -> {
            shutDown();
            return null;
        });
    }

    /** Reads the new section as {@link #settings} does at start; {@link #apply} then takes what it can. */
    @Override
    public final Runnable reconfigure(Map<String, Object> section) {
        S settings = settings(section);
        return () -> apply(settings);
    }

    /** Takes the {@link #reloadableSettings()} of new settings while serving; by default none. */
    protected void apply(S settings) {
    }

    /** Reads the configuration section; fails with an IllegalArgumentException naming the setting. */
    protected abstract S settings(Map<String, Object> section);

    /** Binds and starts serving, on a worker thread; answers the address bound. */
    protected abstract String listen(AdapterContext context, S settings) throws Exception;

    /** Ends the sessions and releases the port, on a worker thread; does nothing when not listening. */
    protected abstract void shutDown() throws Exception;
}
