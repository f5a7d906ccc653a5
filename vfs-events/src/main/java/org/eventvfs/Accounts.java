package org.eventvfs;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Committed;

/** The users, kept as events in their own stream so every change to them is audited. */
public interface Accounts {
    /** The account of that name; fails with NotFound. */
    Future<Account> find(String name);

    /** Every account, sorted by name. */
    Future<List<Account>> list();

    Future<Committed> execute(AccountCommand command, Actor actor);
}
