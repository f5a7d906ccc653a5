package org.eventvfs.ftp;

import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.ftpserver.ConnectionConfigFactory;
import org.apache.ftpserver.DataConnectionConfigurationFactory;
import org.apache.ftpserver.FtpServer;
import org.apache.ftpserver.FtpServerConfigurationException;
import org.apache.ftpserver.FtpServerFactory;
import org.apache.ftpserver.command.CommandFactoryFactory;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.impl.DefaultFtpServer;
import org.apache.ftpserver.listener.Listener;
import org.apache.ftpserver.listener.ListenerFactory;
import org.apache.ftpserver.ssl.SslConfiguration;
import org.eventvfs.LoginThrottle;
import org.eventvfs.nio.HomeFileSystems;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.BlockingAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FTP and FTPS over Apache FtpServer, the maintained FTP server library of the Java world (the
 * others are abandoned or lack FTPS): each logged-in user sees the home directory of the user
 * store's account as the whole file system, through the same {@code vfs:} file system SFTP
 * serves. FtpServer's I/O runs on MINA's threads and its commands on a pool of its own, never on a
 * Vert.x event loop. Uploads, hashes, FEAT and the login are ours; the rest is FtpServer's.
 */
public final class FtpAdapter extends BlockingAdapter<FtpSettings> {
    private static final Logger LOG = LoggerFactory.getLogger(FtpAdapter.class);
    private static final String PLAIN = "default";
    private static final String IMPLICIT_TLS = "implicit-tls";
    private static final Duration SESSIONS_CLOSING = Duration.ofSeconds(5);

    private FtpServer server;
    /** The running server's login throttle, which a reload gives new limits. */
    private volatile LoginThrottle throttle;

    @Override
    public String name() {
        return "ftp";
    }

    @Override
    public int defaultPort() {
        return 2121;
    }

    @Override
    protected FtpSettings settings(Map<String, Object> section) {
        return FtpSettings.parse(section);
    }

    @Override
    protected synchronized String listen(AdapterContext context, FtpSettings settings)
            throws FtpException, IOException {
        if (server != null) {
            throw new IllegalStateException("the ftp adapter is already started");
        }
        SslConfiguration tls = settings.tls()
                ? PemTls.load(context.vertx(), settings.certificate(), settings.privateKey()) : null;
        throttle = LoginThrottle.of(settings.slowAfter(), settings.banAfter(), settings.banTime());
        FeatCommand features = new FeatCommand(settings.tls());
        SessionFilters filters = new SessionFilters(features, new OpenSessions(context.vfs().sessions()));
        FtpServerFactory factory = new FtpServerFactory();
        factory.addListener(PLAIN, listener(context.bind(), context.port(), settings, tls, false, filters));
        if (settings.implicitTlsPort() != 0) {
            factory.addListener(IMPLICIT_TLS, listener(context.bind(), settings.implicitTlsPort(), settings, tls, true,
                    filters));
        }
        factory.setConnectionConfig(connections(settings));
        factory.setUserManager(new FtpUsers(context.vertx(), context.vfs(), throttle, settings));
        factory.setFileSystem(new UserFileSystems(HomeFileSystems.of(context)));
        // FtpServer clears this map when it stops: it must be mutable.
        factory.setFtplets(new HashMap<>(Map.of("accessGuard", new AccessGuard(throttle, settings.requireTls()),
                "historyGuard", new HistoryGuard())));
        factory.setCommandFactory(commands(features).createCommandFactory());
        FtpServer started = factory.createServer();
        try {
            started.start();
        } catch (FtpServerConfigurationException e) {
            started.stop();
            if (e.getCause() instanceof IOException) {
                String ports = settings.implicitTlsPort() == 0 ? "port " + context.port()
                        : "port " + context.port() + " or " + settings.implicitTlsPort();
                BindException refused = new BindException(ports + " on " + context.bind() + " cannot be used ("
                        + e.getCause().getMessage() + ")");
                refused.initCause(e);
                throw refused;
            }
            throw e;
        }
        server = started;
        Map<String, Listener> listeners = ((DefaultFtpServer) started).getListeners();
        if (listeners.containsKey(IMPLICIT_TLS)) {
            LOG.info("ftp: implicit FTPS on {}:{}", context.bind(), listeners.get(IMPLICIT_TLS).getPort());
        }
        return context.bind() + ":" + listeners.get(PLAIN).getPort();
    }

    private static Listener listener(String bind, int port, FtpSettings settings, SslConfiguration tls,
                                     boolean implicitTls, SessionFilters filters) {
        DataConnectionConfigurationFactory data = new DataConnectionConfigurationFactory();
        data.setActiveEnabled(settings.activeEnabled());
        // PORT may only name the client's own address: no FTP bounce to a third host.
        data.setActiveIpCheck(true);
        // A passive data connection must come from the client's address, or anyone could take it.
        data.setPassiveIpCheck(true);
        if (settings.passivePorts() != null) {
            data.setPassivePorts(settings.passivePorts());
        }
        if (settings.passiveAddress() != null) {
            data.setPassiveExternalAddress(settings.passiveAddress());
        }
        data.setSslConfiguration(tls);
        data.setImplicitSsl(implicitTls);
        data.setIdleTime((int) settings.idleTimeout().toSeconds());

        ListenerFactory listener = new ListenerFactory();
        listener.setServerAddress(bind);
        listener.setPort(port);
        listener.setIdleTimeout((int) settings.idleTimeout().toSeconds());
        listener.setSslConfiguration(tls);
        listener.setImplicitSsl(implicitTls);
        listener.setDataConnectionConfiguration(data.createDataConnectionConfiguration());
        listener.setSessionFilter(filters);
        return listener.createListener();
    }

    private static org.apache.ftpserver.ConnectionConfig connections(FtpSettings settings) {
        ConnectionConfigFactory connections = new ConnectionConfigFactory();
        connections.setAnonymousLoginEnabled(false);
        connections.setMaxLogins(settings.maxSessions());
        // One command thread per session at most: a transfer holds its thread until it ends.
        connections.setMaxThreads(settings.maxSessions());
        // The login throttle slows repeated failures down; FtpServer's fixed delay would only add to it.
        connections.setLoginFailureDelay(0);
        connections.setMaxLoginFailures(3);
        return connections.createConnectionConfig();
    }

    private static CommandFactoryFactory commands(FeatCommand features) {
        CommandFactoryFactory commands = new CommandFactoryFactory();
        commands.addCommand("PASS", new PassCommand());
        commands.addCommand("STOR", UploadCommand.store());
        commands.addCommand("APPE", UploadCommand.append());
        commands.addCommand("RETR", new DownloadCommand());
        commands.addCommand("RNFR", CheckedCommand.renameFrom());
        commands.addCommand("RMD", CheckedCommand.removeDirectory());
        commands.addCommand("DELE", CheckedCommand.delete());
        commands.addCommand("FEAT", features);
        commands.addCommand("HASH", HashCommand.hash());
        // FtpServer reads XSHA256 as SHA256, as it reads XMKD as MKD.
        commands.addCommand("SHA256", HashCommand.xsha256());
        return commands;
    }

    @Override
    public Set<String> reloadableSettings() {
        return LoginThrottle.SETTINGS;
    }

    @Override
    protected void apply(FtpSettings settings) {
        throttle.limit(settings.slowAfter(), settings.banAfter(), settings.banTime());
    }

    @Override
    protected synchronized void shutDown() throws InterruptedException {
        if (server == null) {
            return;
        }
        endSessions((DefaultFtpServer) server);
        server.stop();
        server = null;
    }

    /**
     * Closes every session and waits for FtpServer to have handled their closing. Its command
     * pool (MINA's) starts a thread for events that come after its shutdown and then waits five
     * seconds for that thread to end, so stopping with sessions still closing is slow.
     */
    private static void endSessions(DefaultFtpServer started) throws InterruptedException {
        started.getListeners().values().forEach(Listener::stop);
        long deadline = System.nanoTime() + SESSIONS_CLOSING.toNanos();
        while (started.getServerContext().getFtpStatistics().getCurrentConnectionNumber() > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }
}
