package org.eventvfs.storage.postgres;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import java.util.function.ObjLongConsumer;

/**
 * Listens, on a connection of its own, to the notices every append sends when it commits
 * ({@code advance_head} calls {@code pg_notify} with {@code position:stream}). A lost connection is
 * made again every half second for as long as the store is open; once it is back, every stream is
 * reported as possibly moved, since notices sent in between are lost. The notices only say when
 * to look: readers catch up by position, which never skips an event.
 */
final class AppendNotices {
    static final String CHANNEL = "eventvfs_events";
    private static final long RECONNECT_MILLIS = 500;

    private AppendNotices() {
    }

    static Future<PgSubscriber> listen(Vertx vertx, PgConnectOptions options, ObjLongConsumer<String> moved) {
        PgSubscriber subscriber = PgSubscriber.subscriber(vertx, options).reconnectPolicy(retries -> RECONNECT_MILLIS);
        subscriber.channel(CHANNEL)
                .subscribeHandler(subscribed -> moved.accept(null, -1))
                .handler(notice -> {
                    int colon = notice.indexOf(':');
                    moved.accept(notice.substring(colon + 1), Long.parseLong(notice.substring(0, colon)));
                });
        return subscriber.connect().map(subscriber);
    }
}
