package org.eventvfs.impl;

import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountDecider;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.Actor;

/**
 * The users, projected from the account stream; versioned like the tree, so it can speculate.
 * Each event is handed to a listener once it is durable (appended here or read from another
 * server's appends), never while it may still be rolled back.
 */
final class AccountProjection implements StreamModel<AccountCommand, AccountEvent> {
    private final ConcurrentHashMap<String, Versions<Account>> accounts = new ConcurrentHashMap<>();
    private final ArrayDeque<Speculated> speculated = new ArrayDeque<>();
    private final Consumer<AccountEvent> durableEvents;
    private volatile long durable;

    AccountProjection(Consumer<AccountEvent> durableEvents) {
        this.durableEvents = durableEvents;
    }

    Account find(String name) {
        Versions<Account> v = accounts.get(name);
        return v == null ? null : v.at(durable);
    }

    long position() {
        return durable;
    }

    List<Account> all() {
        long position = durable;
        return accounts.values().stream().map(v -> v.at(position)).filter(a -> a != null)
                .sorted(Comparator.comparing(Account::name)).toList();
    }

    @Override
    public List<AccountEvent> decide(AccountCommand command, Actor actor, long now) {
        return AccountDecider.decide(name -> {
            Versions<Account> v = accounts.get(name);
            return v == null ? null : v.value();
        }, command, now);
    }

    @Override
    public void apply(long position, long time, AccountEvent event) {
        Versions<Account> older = accounts.get(event.name());
        accounts.put(event.name(), new Versions<>(position,
                AccountDecider.evolve(older == null ? null : older.value(), event), older));
        if (position > durable) {
            speculated.addLast(new Speculated(position, event));
        }
    }

    @Override
    public void markDurable(long position) {
        durable = position;
        while (!speculated.isEmpty() && speculated.peekFirst().position() <= position) {
            durableEvents.accept(speculated.pollFirst().event());
        }
    }

    @Override
    public void rollback() {
        long position = durable;
        speculated.forEach(s -> accounts.computeIfPresent(s.event().name(), (k, v) -> v.upTo(position)));
        speculated.clear();
    }

    private record Speculated(long position, AccountEvent event) {
    }
}
