package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.eventbus.MessageConsumer;
import org.eventvfs.LiveSessions;
import org.eventvfs.Vfs;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.EventEnvelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the live sessions of a user whom an account event locks out or whose access it changes:
 * disabled, removed, a new home, volume or read-only flag, a new password or new keys (a session
 * opened with the old ones must not outlive them). It listens to the account stream's published
 * events, which every server sharing the stream publishes too, so a change made on one server
 * ends the user's sessions on all of them.
 */
final class SessionLockout {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLockout.class);

    private final MessageConsumer<EventEnvelope> consumer;

    private SessionLockout(MessageConsumer<EventEnvelope> consumer) {
        this.consumer = consumer;
    }

    static Future<SessionLockout> start(Vertx vertx, LiveSessions sessions) {
        MessageConsumer<EventEnvelope> consumer = vertx.eventBus().localConsumer(
                Vfs.eventsAddress(EventEnvelope.ACCOUNTS), message -> endSessions(sessions, message.body()));
        return consumer.completion().map(registered -> new SessionLockout(consumer));
    }

    private static void endSessions(LiveSessions sessions, EventEnvelope envelope) {
        AccountEvent event = (AccountEvent) envelope.payload();
        boolean locksOut = switch (event) {
            case AccountEvent.UserDisabled e -> true;
            case AccountEvent.UserRemoved e -> true;
            case AccountEvent.AccessChanged e -> true;
            case AccountEvent.PasswordChanged e -> true;
            case AccountEvent.KeysChanged e -> true;
            case AccountEvent.UserAdded e -> false;
            case AccountEvent.UserInvited e -> false;
            case AccountEvent.InviteRedeemed e -> false;
            case AccountEvent.AdminChanged e -> false;
            case AccountEvent.UserEnabled e -> false;
            case AccountEvent.SessionsEnded e -> false;
            case AccountEvent.BlocksCollected e -> false;
        };
        if (locksOut) {
            int ended = sessions.kickUser(event.name()).size();
            if (ended > 0) {
                LOG.info("ended {} session(s) of user {} after {} at @{}", ended, event.name(), envelope.type(),
                        envelope.position());
            }
        }
    }

    /**
     * Not waited for: the bus drops the handler at once, and the answer comes back on the context
     * that registered it, which a Vfs opened and closed in a row on one Vertx was seen to never
     * give (the close then hung).
     */
    void stop() {
        consumer.unregister();
    }
}
