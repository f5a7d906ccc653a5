package org.eventvfs.impl;

import io.vertx.core.Future;
import java.util.List;
import java.util.UUID;
import org.eventvfs.Accounts;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;
import org.eventvfs.domain.VfsException;

/** {@link Accounts} over the account stream's projection and writer. */
final class StreamAccounts implements Accounts {
    private final AccountProjection projection;
    private final StreamWriter<AccountCommand, AccountEvent> writer;

    StreamAccounts(AccountProjection projection, StreamWriter<AccountCommand, AccountEvent> writer) {
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
    public Future<Committed> execute(AccountCommand command, Actor actor) {
        return writer.submit(UUID.randomUUID(), command, actor);
    }
}
