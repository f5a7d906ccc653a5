package org.eventvfs.server;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eventvfs.Vfs;
import org.eventvfs.spi.AdapterContext;
import org.eventvfs.spi.ProtocolAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the protocol adapters on the class path whose port is not 0, one after the other, so a
 * failure leaves a known set started for {@link StopSequence} to stop.
 */
final class ProtocolAdapters {
    private static final Logger LOG = LoggerFactory.getLogger(ProtocolAdapters.class);

    private ProtocolAdapters() {
    }

    /**
     * The adapters started.
     *
     * @param addresses what is served, e.g. {@code sftp 127.0.0.1:2222}, in protocol order
     * @param adapters each protocol served and its adapter, which a reload reconfigures
     */
    record Served(List<String> addresses, Map<Protocol, ProtocolAdapter> adapters) {
        Served {
            addresses = List.copyOf(addresses);
            adapters = Map.copyOf(adapters);
        }
    }

    static Future<Served> start(Vertx vertx, Vfs vfs, ServerConfig config, StopSequence started) {
        Map<String, ProtocolAdapter> installed = installed();
        List<String> served = new ArrayList<>();
        Map<Protocol, ProtocolAdapter> running = new EnumMap<>(Protocol.class);
        Future<Void> chain = Future.succeededFuture();
        for (Protocol protocol : Protocol.values()) {
            int port = config.port(protocol);
            ProtocolAdapter adapter = installed.get(protocol.key());
            if (port == 0 || !protocol.servedByAdapter()) {
                continue;
            }
            if (adapter == null) {
                LOG.warn("{}: no adapter installed, not served", protocol.key());
                continue;
            }
            AdapterContext context = new AdapterContext(vertx, vfs, config.bind(), port, config.dataFolder(),
                    config.settings(protocol), config.historyFolder());
            chain = chain.compose(previous -> adapter.start(context)
                    .recover(CommandFailure.during(protocol.key() + " on " + config.bind() + ":" + port))
                    .map(address -> {
                        started.add(protocol.key(), adapter::stop);
                        served.add(protocol.key() + " " + address);
                        running.put(protocol, adapter);
                        return null;
                    }));
        }
        return chain.map(done -> new Served(served, running));
    }

    private static Map<String, ProtocolAdapter> installed() {
        Map<String, ProtocolAdapter> adapters = ServiceLoader.load(ProtocolAdapter.class).stream()
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toMap(ProtocolAdapter::name, Function.identity(), (first, second) -> first));
        adapters.keySet().stream().filter(name -> Protocol.byKey(name).isEmpty()).forEach(name ->
                LOG.warn("{}: adapter installed for a protocol the server does not know, not served", name));
        return adapters;
    }
}
