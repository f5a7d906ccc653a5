package org.eventvfs.impl;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.List;
import java.util.UUID;
import org.eventvfs.Accounts;
import org.eventvfs.PasswordHasher;
import org.eventvfs.VfsStats;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Ids;
import org.eventvfs.domain.VfsException;
import org.eventvfs.spi.EventStore;

/** {@link Accounts} over the account stream's projection and writer. */
final class StreamAccounts implements Accounts {
    private final VfsStats stats;
    private static final String REFUSED = "wrong user name or password";

    private final Vertx vertx;

    private static final class DecoyHash {
        static final String VALUE = PasswordHasher.hash("decoy".toCharArray());
    }

    private final AccountProjection projection;
    private final StreamWriter<AccountCommand, AccountEvent> writer;
    private final EventStore store;

    StreamAccounts(Vertx vertx, AccountProjection projection, StreamWriter<AccountCommand, AccountEvent> writer,
                   EventStore store, VfsStats stats) {
        this.store = store;
        this.stats = stats;
        this.vertx = vertx;
        this.projection = projection;
        this.writer = writer;
    }

    @Override
    public Future<Account> find(String name) {
        Account account = projection.find(name);
        return account == null ? Future.failedFuture(new VfsException.NotFound("no such user: " + name))
                : Future.succeededFuture(account);
    }

    @Override
    public Future<List<Account>> list() {
        return Future.succeededFuture(projection.all());
    }

    @Override
    public Future<Account> authenticate(String name, char[] password) {
        Account account = projection.find(name);
        // A disabled or invited user is refused like an unknown one, at the same cost.
        String hash = account == null || !account.canLogIn() ? null : account.passwordHash();
        return vertx.executeBlocking(() -> {
            // An unknown user costs the same hash as a wrong password: timing tells nothing.
            boolean matches = PasswordHasher.verify(password, hash == null ? DecoyHash.VALUE : hash);
            if (hash == null || !matches) {
                stats.loginRefused();
                throw new VfsException.PermissionDenied(REFUSED);
            }
            return account;
        }, false);
    }

    @Override
    public Future<Committed> execute(AccountCommand command, Actor actor) {
        return writer.submit(Ids.newId(), command, actor);
    }

    @Override
    public long position() {
        return projection.position();
    }

    @Override
    public Future<List<EventEnvelope>> events(long fromPosition, int max) {
        return store.read(EventEnvelope.ACCOUNTS, fromPosition, max);
    }
}
