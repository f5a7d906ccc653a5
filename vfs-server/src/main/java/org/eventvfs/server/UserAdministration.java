package org.eventvfs.server;

import io.vertx.core.Future;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.eventvfs.PasswordHasher;
import org.eventvfs.Accounts;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.Account;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountDecider;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.AdminApi.Invitation;
import org.eventvfs.server.AdminApi.Joined;
import org.eventvfs.server.AdminApi.NewInvite;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.User;

/**
 * User administration on a {@link Vfs}, on behalf of one actor: the admin socket's handlers and
 * the {@code vfs user} command without a server both come here, so they behave the same.
 */
final class UserAdministration implements UserOperations {
    static final String DEFAULT_VOLUME = "default";
    static final Duration DEFAULT_INVITE_VALIDITY = Duration.ofDays(7);

    private final Vfs vfs;
    private final Actor actor;

    UserAdministration(Vfs vfs, Actor actor) {
        this.vfs = vfs;
        this.actor = actor;
    }

    @Override
    public Future<List<User>> list() {
        return accounts().list().map(all -> all.stream().map(User::of).toList());
    }

    @Override
    public Future<User> add(NewUser user) {
        Place place;
        try {
            place = Place.of(user.name(), user.volume(), user.home());
            PasswordHasher.requireHash(user.passwordHash());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        return prepareHome(place, false).compose(ready -> execute(new AccountCommand.AddUser(place.name(),
                user.passwordHash(), user.keys(), place.volume(), place.home(), user.readOnly(), user.admin())));
    }

    /** Where a new user will live: the defaults filled in and every name checked. */
    private record Place(String name, String volume, VfsPath home) {
        static Place of(String name, String volume, String home) {
            if (name == null && home != null) {
                // An invite for /team/alice is for alice unless it says otherwise.
                List<String> names = VfsPath.parse(home).names();
                name = names.isEmpty() ? null : names.getLast();
            }
            AccountDecider.requireUserName(name);
            String inVolume = AccountDecider.requireVolumeName(volume != null ? volume : DEFAULT_VOLUME);
            return new Place(name, inVolume, VfsPath.parse(home != null ? home : "/" + name));
        }
    }

    /**
     * Creates the home before the account, and checks the name first, so a failure leaves no
     * account without a home and running the same command again finishes the job.
     */
    private Future<Void> prepareHome(Place place, boolean invite) {
        return requireAbsent(place.name(), invite)
                .compose(absent -> vfs.volume(place.volume()))
                .compose(files -> createDirectories(files, place.home()));
    }

    /** The user's live sessions end with the event, on every server (the core's session lockout). */
    @Override
    public Future<User> disable(String name) {
        return execute(new AccountCommand.DisableUser(name));
    }

    @Override
    public Future<User> enable(String name) {
        return execute(new AccountCommand.EnableUser(name));
    }

    @Override
    public Future<User> setAdmin(String name, boolean admin) {
        return execute(new AccountCommand.SetAdmin(name, admin));
    }

    @Override
    public Future<Invitation> invite(NewInvite invite) {
        Place place;
        try {
            place = Place.of(invite.name(), invite.volume(), invite.home());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        long valid = invite.validSeconds() > 0 ? invite.validSeconds() : DEFAULT_INVITE_VALIDITY.toSeconds();
        Instant expires = Instant.now().plusSeconds(valid).truncatedTo(ChronoUnit.SECONDS);
        String code = InviteCodes.newCode();
        return prepareHome(place, true)
                .compose(ready -> execute(new AccountCommand.InviteUser(place.name(), InviteCodes.hash(code),
                        expires.toEpochMilli(), place.volume(), place.home(), invite.readOnly())))
                .map(user -> new Invitation(user.name(), user.volume(), user.home(), code, expires.toString()));
    }

    @Override
    public Future<Void> revokeInvite(String name) {
        return accounts().find(name).compose(account -> account.state() == Account.State.INVITED
                ? accounts().execute(new AccountCommand.RemoveUser(name), actor).<Void>mapEmpty()
                : Future.failedFuture(new VfsException.Conflict("user " + name + " is not invited but "
                        + account.state().name().toLowerCase(Locale.ROOT))));
    }

    @Override
    public Future<Joined> join(String code, String passwordHash, List<String> keys) {
        try {
            PasswordHasher.requireHash(passwordHash);
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        String hash = code == null ? "" : InviteCodes.hash(code);
        // The decider compares the hash again, in constant time; this only finds whose it is.
        return accounts().list().compose(all -> all.stream()
                .filter(a -> a.state() == Account.State.INVITED && a.invite().codeHash().equals(hash))
                .findFirst()
                .map(invited -> execute(new AccountCommand.RedeemInvite(invited.name(), hash, passwordHash, keys)))
                .orElseGet(() -> Future.failedFuture(new VfsException.PermissionDenied(
                        AccountDecider.INVITE_REFUSED))))
                .map(user -> new Joined(user.name(), user.volume(), user.home()));
    }

    @Override
    public Future<User> changePassword(String name, String passwordHash) {
        try {
            PasswordHasher.requireHash(passwordHash);
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        return execute(new AccountCommand.ChangePassword(name, passwordHash));
    }

    @Override
    public Future<User> changeKeys(String name, List<String> keys) {
        return execute(new AccountCommand.ChangeKeys(name, keys));
    }

    @Override
    public Future<Void> remove(String name) {
        return accounts().execute(new AccountCommand.RemoveUser(name), actor).mapEmpty();
    }

    private Future<User> execute(AccountCommand command) {
        return accounts().execute(command, actor)
                .compose(committed -> accounts().find(command.name()))
                .map(User::of);
    }

    /** Fails if the user exists, unless {@code invitedToo} lets a pending invite be replaced by a new one. */
    private Future<Void> requireAbsent(String name, boolean invitedToo) {
        return accounts().find(name).transform((found, failure) -> {
            if (failure == null && !(invitedToo && found.state() == Account.State.INVITED)) {
                return Future.failedFuture(new VfsException.AlreadyExists("user " + name + " already exists"));
            }
            return failure == null || failure instanceof VfsException.NotFound ? Future.succeededFuture()
                    : Future.failedFuture(failure);
        });
    }

    /** {@code mkdir -p}: each missing directory on the way is one command, each audited. */
    private Future<Void> createDirectories(Volume volume, VfsPath directory) {
        Future<Void> chain = Future.succeededFuture();
        VfsPath path = VfsPath.root();
        for (String name : directory.names()) {
            VfsPath next = path.resolve(name);
            chain = chain.compose(done -> createDirectory(volume, next));
            path = next;
        }
        return chain.compose(done -> volume.stat(directory)).compose(node -> node.isDirectory()
                ? Future.succeededFuture()
                : Future.failedFuture(new VfsException.NotADirectory("the home " + directory + " in volume "
                        + volume.name() + " exists and is not a directory")));
    }

    private Future<Void> createDirectory(Volume volume, VfsPath path) {
        return volume.execute(new VolumeCommand.CreateDirectory(path, Node.DEFAULT_DIRECTORY_MODE), actor)
                .<Void>mapEmpty()
                .recover(failure -> failure instanceof VfsException.AlreadyExists
                        ? Future.succeededFuture()
                        : Future.failedFuture(failure));
    }

    private Accounts accounts() {
        return vfs.accounts();
    }
}
