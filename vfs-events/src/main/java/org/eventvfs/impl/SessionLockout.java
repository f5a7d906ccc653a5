package org.eventvfs.impl;

import java.util.function.Consumer;
import org.eventvfs.LiveSessions;
import org.eventvfs.domain.AccountEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the live sessions of a user whom an account event locks out or whose access it changes:
 * disabled, removed, a new home, volume or read-only flag, a new password or new keys (a session
 * opened with the old ones must not outlive them). It takes each event once it is durable, whether
 * this server appended it or followed it from another's, so a change made on one server ends the
 * user's sessions on all of them.
 */
final class SessionLockout implements Consumer<AccountEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(SessionLockout.class);

    private final LiveSessions sessions;

    SessionLockout(LiveSessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public void accept(AccountEvent event) {
        if (locksOut(event)) {
            int ended = sessions.endLockedOut(event.name());
            if (ended > 0) {
                LOG.info("ended {} session(s) of user {} after {}", ended, event.name(),
                        event.getClass().getSimpleName());
            }
        }
    }

    private static boolean locksOut(AccountEvent event) {
        return switch (event) {
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
    }
}
