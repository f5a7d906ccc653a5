package org.eventvfs.sftp;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.sshd.common.io.nio2.Nio2ServiceFactoryFactory;
import org.apache.sshd.common.util.threads.NoCloseExecutor;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.scp.server.ScpCommandFactory;
import org.apache.sshd.server.SshServer;
import org.eventvfs.LoginThrottle;
import org.eventvfs.nio.HomeFileSystems;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.BlockingAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SFTP (and legacy SCP) over Apache SSHD: each logged-in user sees the home directory of the user
 * store's account as the whole file system. SSHD's I/O runs on its own NIO2 threads, every SFTP or
 * SCP channel on a virtual thread of its own, and nothing of it on a Vert.x event loop.
 */
public final class SftpAdapter extends BlockingAdapter<SftpSettings> {
    private static final Logger LOG = LoggerFactory.getLogger(SftpAdapter.class);
    /** How long stopping waits for channels still committing what their clients wrote. */
    private static final Duration DRAIN = Duration.ofSeconds(30);

    private SshServer server;
    /** The running server's login throttle, which a reload gives new limits. */
    private volatile LoginThrottle throttle;
    private ExecutorService channels;

    @Override
    public String name() {
        return "sftp";
    }

    @Override
    public int defaultPort() {
        return 2222;
    }

    @Override
    protected SftpSettings settings(Map<String, Object> section) {
        return SftpSettings.parse(section);
    }

    @Override
    protected synchronized String listen(AdapterContext context, SftpSettings settings) throws IOException {
        if (server != null) {
            throw new IllegalStateException("the sftp adapter is already started");
        }
        ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("sftp-", 0).factory());
        throttle = LoginThrottle.of(settings.slowAfter(), settings.banAfter(), settings.banTime());
        LoginFailures failures = new LoginFailures(throttle);
        SshServer ssh = SshServer.setUpDefaultServer();
        try {
            ssh.setIoServiceFactoryFactory(new Nio2ServiceFactoryFactory());
            ssh.setHost(context.bind());
            ssh.setPort(context.port());
            ssh.setKeyPairProvider(HostKeys.load(context.dataDirectory()));
            ssh.setPasswordAuthenticator(new PasswordLogin(context.vertx(), context.vfs(), failures, threads));
            ssh.setPublickeyAuthenticator(new PublicKeyLogin(context.vfs(), failures));
            // Keyboard-interactive would check passwords synchronously on an I/O thread; every client
            // that offers it also offers "password".
            ssh.setKeyboardInteractiveAuthenticator(null);
            ssh.setGSSAuthenticator(null);
            ssh.setHostBasedAuthenticator(null);
            ssh.addSessionListener(failures);
            ssh.addSessionListener(new OpenSessions(context.vfs().sessions()));
            ssh.setFileSystemFactory(new UserFileSystems(HomeFileSystems.of(context)));
            ssh.setSubsystemFactories(List.of(new VfsSftpSubsystemFactory(threads)));
            if (settings.scp()) {
                ssh.setCommandFactory(new ScpCommandFactory.Builder()
                        .withExecutorServiceProvider(() -> new NoCloseExecutor(threads))
                        .build());
            }
            CoreModuleProperties.MAX_AUTH_REQUESTS.set(ssh, settings.maxAuthTries());
            CoreModuleProperties.SERVER_IDENTIFICATION.set(ssh, "eventvfs");
            // SSHD leaves Nagle on; SFTP's small request/answer packets then wait for delayed ACKs.
            CoreModuleProperties.TCP_NODELAY.set(ssh, true);
            ssh.start();
        } catch (IOException | RuntimeException e) {
            ssh.stop(true);
            threads.shutdownNow();
            if (e instanceof BindException) {
                throw new BindException("port " + context.port() + " on " + context.bind()
                        + " cannot be used (" + e.getMessage() + ")");
            }
            throw e;
        }
        server = ssh;
        channels = threads;
        return SessionAccount.address(ssh.getBoundAddresses().iterator().next());
    }

    @Override
    public Set<String> reloadableSettings() {
        return LoginThrottle.SETTINGS;
    }

    @Override
    protected void apply(SftpSettings settings) {
        throttle.limit(settings.slowAfter(), settings.banAfter(), settings.banTime());
    }

    @Override
    protected synchronized void shutDown() throws IOException, InterruptedException {
        if (server == null) {
            return;
        }
        try {
            server.stop(true);
        } finally {
            channels.shutdown();
            if (!channels.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("sftp: channels still busy after {}; stopping anyway", DRAIN);
                channels.shutdownNow();
            }
            server = null;
            channels = null;
        }
    }
}
