package org.eventvfs.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.eventvfs.domain.Account.Invite;
import org.eventvfs.domain.Account.State;
import org.eventvfs.domain.AccountCommand.AddUser;
import org.eventvfs.domain.AccountCommand.ChangeAccess;
import org.eventvfs.domain.AccountCommand.ChangeKeys;
import org.eventvfs.domain.AccountCommand.ChangePassword;
import org.eventvfs.domain.AccountCommand.DisableUser;
import org.eventvfs.domain.AccountCommand.EnableUser;
import org.eventvfs.domain.AccountCommand.EndSessions;
import org.eventvfs.domain.AccountCommand.InviteUser;
import org.eventvfs.domain.AccountCommand.RecordCollection;
import org.eventvfs.domain.AccountCommand.RedeemInvite;
import org.eventvfs.domain.AccountCommand.RemoveUser;
import org.eventvfs.domain.AccountCommand.SetAdmin;
import org.eventvfs.domain.AccountEvent.AccessChanged;
import org.eventvfs.domain.AccountEvent.AdminChanged;
import org.eventvfs.domain.AccountEvent.BlocksCollected;
import org.eventvfs.domain.AccountEvent.InviteRedeemed;
import org.eventvfs.domain.AccountEvent.KeysChanged;
import org.eventvfs.domain.AccountEvent.PasswordChanged;
import org.eventvfs.domain.AccountEvent.SessionsEnded;
import org.eventvfs.domain.AccountEvent.UserAdded;
import org.eventvfs.domain.AccountEvent.UserDisabled;
import org.eventvfs.domain.AccountEvent.UserEnabled;
import org.eventvfs.domain.AccountEvent.UserInvited;
import org.eventvfs.domain.AccountEvent.UserRemoved;

/** Turns account commands into account events; pure, like {@link Decider}. */
public final class AccountDecider {
    private static final Pattern USER_NAME = Pattern.compile("[a-z_][a-z0-9_.-]{0,31}");
    private static final Pattern VOLUME_NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,62}");
    /** One message for every refused redemption: a guesser learns nothing about which codes exist. */
    public static final String INVITE_REFUSED = "this invite code is not valid: it may be mistyped, used or expired";

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

    /** The events for {@code command} at time {@code now} (epoch milliseconds), which decides expiry. */
    public static List<AccountEvent> decide(Function<String, Account> accounts, AccountCommand command, long now) {
        requireUserName(command.name());
        Account existing = accounts.apply(command.name());
        switch (command) {
            case AddUser add -> {
                requireAbsent(existing, add.name());
                return added(add);
            }
            case InviteUser invite -> {
                // A pending invite may be sent again (a new code replaces the old one).
                if (existing != null && existing.state() != State.INVITED) {
                    throw new VfsException.AlreadyExists("user " + invite.name() + " already exists");
                }
                requireVolumeName(invite.volume());
                return List.of(new UserInvited(invite.name(), invite.codeHash(), invite.expiresAt(),
                        invite.volume(), invite.home().toString(), invite.readOnly()));
            }
            case RedeemInvite redeem -> {
                return List.of(redeemed(existing, redeem, now));
            }
            case RecordCollection collection -> {
                // About the administrator who ran it, who need not be a user: the socket's is the OS user.
                return List.of(new BlocksCollected(collection.name(), collection.deleted(), collection.keepDays()));
            }
            default -> {
                if (existing == null) {
                    throw new VfsException.NotFound("no such user: " + command.name());
                }
                return List.of(changed(existing, command));
            }
        }
    }

    private static void requireAbsent(Account existing, String name) {
        if (existing != null) {
            throw new VfsException.AlreadyExists("user " + name + " already exists");
        }
    }

    private static List<AccountEvent> added(AddUser add) {
        requireVolumeName(add.volume());
        List<AccountEvent> events = new ArrayList<>(2);
        events.add(new UserAdded(add.name(), add.passwordHash(), add.keys(), add.volume(), add.home().toString(),
                add.readOnly()));
        if (add.admin()) {
            events.add(new AdminChanged(add.name(), true));
        }
        return events;
    }

    private static AccountEvent redeemed(Account existing, RedeemInvite redeem, long now) {
        if (existing == null || existing.state() != State.INVITED
                || !sameHash(existing.invite().codeHash(), redeem.codeHash())
                || now > existing.invite().expiresAt()) {
            throw new VfsException.PermissionDenied(INVITE_REFUSED);
        }
        if (redeem.passwordHash() == null && redeem.keys().isEmpty()) {
            throw new VfsException.Conflict("choose a password or give an SSH public key");
        }
        return new InviteRedeemed(redeem.name(), redeem.passwordHash(), redeem.keys());
    }

    /** Constant time, so the time of a refusal tells nothing about how much of a hash matched. */
    private static boolean sameHash(String stored, String offered) {
        return offered != null && MessageDigest.isEqual(stored.getBytes(StandardCharsets.US_ASCII),
                offered.getBytes(StandardCharsets.US_ASCII));
    }

    private static AccountEvent changed(Account existing, AccountCommand command) {
        return switch (command) {
            case AddUser c -> throw new IllegalStateException("decided above");
            case InviteUser c -> throw new IllegalStateException("decided above");
            case RedeemInvite c -> throw new IllegalStateException("decided above");
            case RecordCollection c -> throw new IllegalStateException("decided above");
            case ChangePassword c -> new PasswordChanged(c.name(), c.passwordHash());
            case ChangeKeys c -> new KeysChanged(c.name(), c.keys());
            case ChangeAccess c -> new AccessChanged(c.name(), requireVolumeName(c.volume()), c.home().toString(),
                    c.readOnly());
            case SetAdmin c -> new AdminChanged(c.name(), c.admin());
            case DisableUser c -> {
                requireState(existing, State.ACTIVE, "is not active");
                yield new UserDisabled(c.name());
            }
            case EnableUser c -> {
                requireState(existing, State.DISABLED, "is not disabled");
                yield new UserEnabled(c.name());
            }
            case EndSessions c -> new SessionsEnded(c.name(), c.sessions());
            case RemoveUser c -> new UserRemoved(c.name());
        };
    }

    private static void requireState(Account account, State state, String otherwise) {
        if (account.state() != state) {
            throw new VfsException.Conflict("user " + account.name() + " " + otherwise);
        }
    }

    /** The account after {@code event}; null once removed. */
    public static Account evolve(Account account, AccountEvent event) {
        return switch (event) {
            case UserAdded e -> new Account(e.name(), e.passwordHash(), e.keys(), e.volume(),
                    VfsPath.parse(e.home()), e.readOnly(), false, State.ACTIVE, null);
            case UserInvited e -> new Account(e.name(), null, List.of(), e.volume(), VfsPath.parse(e.home()),
                    e.readOnly(), false, State.INVITED, new Invite(e.codeHash(), e.expiresAt()));
            case InviteRedeemed e -> account.withCredentials(e.passwordHash(), e.keys()).withState(State.ACTIVE, null);
            case PasswordChanged e -> account.withCredentials(e.passwordHash(), account.keys());
            case KeysChanged e -> account.withCredentials(account.passwordHash(), e.keys());
            case AccessChanged e -> account.withAccess(e.volume(), VfsPath.parse(e.home()), e.readOnly());
            case AdminChanged e -> account.withAdmin(e.admin());
            case UserDisabled e -> account.withState(State.DISABLED, null);
            case UserEnabled e -> account.withState(State.ACTIVE, null);
            case SessionsEnded e -> account;
            case BlocksCollected e -> account;
            case UserRemoved e -> null;
        };
    }
}
