package org.eventvfs.domain;

import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eventvfs.domain.AccountCommand.AddUser;
import org.eventvfs.domain.AccountCommand.ChangeAccess;
import org.eventvfs.domain.AccountCommand.ChangeKeys;
import org.eventvfs.domain.AccountCommand.ChangePassword;
import org.eventvfs.domain.AccountCommand.RemoveUser;
import org.eventvfs.domain.AccountEvent.AccessChanged;
import org.eventvfs.domain.AccountEvent.KeysChanged;
import org.eventvfs.domain.AccountEvent.PasswordChanged;
import org.eventvfs.domain.AccountEvent.UserAdded;
import org.eventvfs.domain.AccountEvent.UserRemoved;

/** Turns account commands into account events; pure, like {@link Decider}. */
public final class AccountDecider {
    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");

    private AccountDecider() {
    }

    /** Refuses user names a shell, a URL or a POSIX system would trip on. */
    public static String requireUserName(String name) {
        if (name == null || !USER_NAME.matcher(name).matches()) {
            throw new VfsException.InvalidName("a user name is 1 to 32 of a-z, 0-9, '_', '.', '-', "
                    + "starting with a letter or '_'");
        }
        return name;
    }

    /** Volume names become file names and URL segments: keep them plain. */
    public static String requireVolumeName(String name) {
        if (name == null || !VOLUME_NAME.matcher(name).matches()) {
            throw new VfsException.InvalidName("a volume name is 1 to 63 of a-z, 0-9, '_', '-', "
                    + "starting with a letter or digit");
        }
        return name;
    }

    public static List<AccountEvent> decide(Function<String, Account> accounts, AccountCommand command) {
        requireUserName(command.name());
        Account existing = accounts.apply(command.name());
        if (command instanceof AddUser add) {
            if (existing != null) {
                throw new VfsException.AlreadyExists("user " + add.name() + " already exists");
            }
            requireVolumeName(add.volume());
            return List.of(new UserAdded(add.name(), add.passwordHash(), add.keys(), add.volume(),
                    add.home().toString(), add.readOnly()));
        }
        if (existing == null) {
            throw new VfsException.NotFound("no such user: " + command.name());
        }
        return switch (command) {
            case AddUser add -> throw new IllegalStateException("handled above");
            case ChangePassword c -> List.of(new PasswordChanged(c.name(), c.passwordHash()));
            case ChangeKeys c -> List.of(new KeysChanged(c.name(), c.keys()));
            case ChangeAccess c -> List.of(new AccessChanged(c.name(), requireVolumeName(c.volume()),
                    c.home().toString(), c.readOnly()));
            case RemoveUser c -> List.of(new UserRemoved(c.name()));
        };
    }

    /** The account after {@code event}; null once removed. */
    public static Account evolve(Account account, AccountEvent event) {
        return switch (event) {
            case UserAdded e -> new Account(e.name(), e.passwordHash(), e.keys(), e.volume(),
                    VfsPath.parse(e.home()), e.readOnly());
            case PasswordChanged e -> new Account(account.name(), e.passwordHash(), account.keys(),
                    account.volume(), account.home(), account.readOnly());
            case KeysChanged e -> new Account(account.name(), account.passwordHash(), e.keys(), account.volume(),
                    account.home(), account.readOnly());
            case AccessChanged e -> new Account(account.name(), account.passwordHash(), account.keys(), e.volume(),
                    VfsPath.parse(e.home()), e.readOnly());
            case UserRemoved e -> null;
        };
    }
}
