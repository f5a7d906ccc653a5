package org.eventvfs.server;

import io.vertx.core.Vertx;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code vfs run}: serves in the foreground until SIGTERM or Ctrl-C; SIGHUP re-reads the configuration. */
@Command(name = "run", description = "Serve the file system in the foreground until SIGTERM or Ctrl-C.")
final class RunCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(RunCommand.class);

    private final CommandEnvironment environment;

    @Mixin
    ConfigOptions options;

    @Option(names = "--bind", paramLabel = "ADDR", description = "address to listen on (default 127.0.0.1)")
    String bind;

    @Option(names = "--sftp-port", paramLabel = "N", description = "SFTP port, 0 for none (default 2222)")
    Integer sftpPort;

    @Option(names = "--webdav-port", paramLabel = "N", description = "WebDAV port, 0 for none (default 8080)")
    Integer webdavPort;

    @Option(names = "--ftp-port", paramLabel = "N", description = "FTP port, 0 for none (default 2121)")
    Integer ftpPort;

    @Option(names = "--http-port", paramLabel = "N", description = "HTTP API port, 0 for none (default 0)")
    Integer httpPort;

    @Option(names = "--metrics-port", paramLabel = "N",
            description = "Prometheus /metrics and /health port, 0 for none (default 0)")
    Integer metricsPort;

    @Option(names = "--admin-port", paramLabel = "N",
            description = "admin API and control panel over TLS, 0 for none (default 0)")
    Integer adminPort;

    RunCommand(CommandEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = options.load(environment, bind, portFlags());
        LogLevel.apply(config.logLevel());
        StopSignal signal = environment.stopSignal();
        signal.listen();
        int status = FailureReporter.FAILED;
        try {
            status = serve(config, signal);
            return status;
        } finally {
            signal.stopped(status);
        }
    }

    private int serve(ServerConfig config, StopSignal signal) throws InterruptedException {
        Vertx vertx = Vertx.vertx();
        try {
            Server server = Server.start(vertx, config).await();
            environment.out().println(server.readyLine());
            environment.out().flush();
            signal.onHangUp(() -> reload(server));
            signal.awaitRequest();
            LOG.info("stopping");
            server.stop().await();
            LOG.info("stopped");
            return 0;
        } finally {
            vertx.close().await();
        }
    }

    /** Reads the file and the variables again, with the same flags on top, and applies what can change. */
    private void reload(Server server) {
        try {
            LOG.info(server.reload(options.load(environment, bind, portFlags())));
        } catch (ConfigException e) {
            LOG.warn("configuration not reloaded, the one in force stays: {}", FailureReporter.oneLine(e));
        }
    }

    private Map<Protocol, Integer> portFlags() {
        Map<Protocol, Integer> ports = new EnumMap<>(Protocol.class);
        put(ports, Protocol.SFTP, sftpPort);
        put(ports, Protocol.WEBDAV, webdavPort);
        put(ports, Protocol.FTP, ftpPort);
        put(ports, Protocol.HTTP, httpPort);
        put(ports, Protocol.METRICS, metricsPort);
        put(ports, Protocol.ADMIN, adminPort);
        return ports;
    }

    private static void put(Map<Protocol, Integer> ports, Protocol protocol, Integer port) {
        if (port != null) {
            ports.put(protocol, ConfigValues.port(protocol.portFlag(), port));
        }
    }
}
