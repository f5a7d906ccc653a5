package org.eventvfs.server;

import org.eventvfs.PasswordHasher;
import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.Accounts;
import org.eventvfs.Vfs;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.AccountDecider;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.AdminApi.NewUser;
import org.eventvfs.server.AdminApi.User;

/**
 * User administration on a {@link Vfs}, on behalf of one actor: the admin socket's handlers and
 * the {@code vfs user} command without a server both come here, so they behave the same.
 */
final class UserAdministration implements UserOperations {
    static final String DEFAULT_VOLUME = "default";

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

    /**
     * Creates the home before the account, and checks the name first, so a failure leaves no
     * account without a home and running the same command again finishes the job.
     */
    @Override
    public Future<User> add(NewUser user) {
        String volume = user.volume() != null ? user.volume() : DEFAULT_VOLUME;
        VfsPath home;
        try {
            AccountDecider.requireUserName(user.name());
            AccountDecider.requireVolumeName(volume);
            home = VfsPath.parse(user.home() != null ? user.home() : "/" + user.name());
            PasswordHasher.requireHash(user.passwordHash());
        } catch (RuntimeException invalid) {
            return Future.failedFuture(invalid);
        }
        AccountCommand add = new AccountCommand.AddUser(user.name(), user.passwordHash(), user.keys(), volume, home,
                user.readOnly());
        return requireAbsent(user.name())
                .compose(absent -> vfs.volume(volume))
                .compose(files -> createDirectories(files, home))
                .compose(created -> execute(add));
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

    private Future<Void> requireAbsent(String name) {
        return accounts().find(name).transform((found, failure) -> {
            if (failure == null) {
                return Future.failedFuture(new VfsException.AlreadyExists("user " + name + " already exists"));
            }
            return failure instanceof VfsException.NotFound ? Future.succeededFuture() : Future.failedFuture(failure);
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
