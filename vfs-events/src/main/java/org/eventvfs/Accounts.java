package org.eventvfs;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;

/** The users, kept as events in their own stream so every change to them is audited. */
public interface Accounts {
    /** The account of that name; fails with NotFound. */
    Future<Account> find(String name);

    /** Every account, sorted by name. */
    Future<List<Account>> list();

    Future<Committed> execute(AccountCommand command, Actor actor);

    /** The account stream's newest durable position. */
    long position();

    /** Up to {@code max} events of the account stream from {@code fromPosition} on, for audits. */
    Future<List<EventEnvelope>> events(long fromPosition, int max);

    /**
     * The account if {@code password} is its password. Fails with PermissionDenied, with the same
     * message whether the user is unknown or the password wrong. The check runs on a worker thread:
     * Argon2id costs about a tenth of a second on purpose.
     */
    Future<Account> authenticate(String name, char[] password);
}
