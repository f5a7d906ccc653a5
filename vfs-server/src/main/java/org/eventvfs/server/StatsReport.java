package org.eventvfs.server;

import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eventvfs.MeasuredBlobUsage;
import org.eventvfs.StreamStats;
import org.eventvfs.Vfs;
import org.eventvfs.VfsStats;

/**
 * What {@code vfs admin stats}, {@code GET /v1/stats} on the admin socket and the metrics port
 * report: the counters of {@link VfsStats} since start and their recent rates, the sessions open
 * per protocol, each stream's length, bytes and projection lag, and the blob store's size as last
 * measured.
 *
 * @param sessions open sessions by protocol
 * @param storeFailures appends and block reads and writes that the stores failed
 * @param rates commands and content bytes per second over the last 10 s and minute
 * @param blobs the blob store's size, or null until it has been measured once
 * @param streams each stream with events (the volumes and {@code @accounts}), in name order
 */
record StatsReport(long uptimeSeconds, Map<String, Long> sessions, long commandsCommitted, long commandsRefused,
                   long commandsFailed, long storeFailures, long bytesIn, long bytesOut, long loginsRefused,
                   List<VfsStats.Rate> rates, BlobSize blobs, List<StreamStats> streams) {
    static final String PATH = "/v1/stats";

    /**
     * The blob store's blocks and bytes.
     *
     * @param measured when the walk that counted them ended, as an ISO-8601 instant
     */
    record BlobSize(long blocks, long bytes, String measured) {
        static BlobSize of(MeasuredBlobUsage usage) {
            return usage == null ? null : new BlobSize(usage.usage().blocks(), usage.usage().bytes(),
                    usage.measured().toString());
        }
    }

    static Future<StatsReport> of(Vfs vfs) {
        VfsStats.Snapshot counters = vfs.stats().snapshot();
        List<VfsStats.Rate> rates = vfs.stats().rates();
        BlobSize blobs = BlobSize.of(vfs.blobUsage());
        return vfs.streamStats().map(streams -> new StatsReport(
                ManagementFactory.getRuntimeMXBean().getUptime() / 1000, counters.sessions(),
                counters.commandsCommitted(), counters.commandsRefused(), counters.commandsFailed(),
                counters.storeFailures(), counters.bytesIn(), counters.bytesOut(), counters.loginsRefused(), rates,
                blobs, streams));
    }

    /** The report as lines a person reads. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("up " + uptimeSeconds + " s");
        lines.add("sessions " + (sessions.isEmpty() ? "none" : sessions.toString().replaceAll("[{}]", "")));
        lines.add("commands " + commandsCommitted + " committed, " + commandsRefused + " refused, "
                + commandsFailed + " failed");
        lines.add("content " + bytesIn + " bytes stored, " + bytesOut + " bytes read");
        rates.forEach(r -> lines.add(String.format(Locale.ROOT,
                "last %d s: %.1f commands/s, %.0f bytes/s stored, %.0f bytes/s read", r.seconds(),
                r.commandsPerSecond(), r.bytesInPerSecond(), r.bytesOutPerSecond())));
        lines.add("logins refused " + loginsRefused);
        lines.add("store failures " + storeFailures);
        lines.add(blobs == null ? "blobs being measured"
                : "blobs " + blobs.blocks() + " blocks, " + blobs.bytes() + " bytes, measured " + blobs.measured());
        streams.forEach(s -> lines.add("stream " + s.stream() + ": " + s.events() + " events, " + s.bytes()
                + " bytes, " + (s.lag() == null ? "not loaded" : "lag " + s.lag())));
        return lines;
    }

    /** The report in the Prometheus text format (version 0.0.4); Prometheus computes the rates itself. */
    String prometheus() {
        StringBuilder out = new StringBuilder();
        metric(out, "eventvfs_uptime_seconds", "gauge", "Seconds since the server started.", uptimeSeconds);
        header(out, "eventvfs_sessions_open", "gauge", "Open sessions by protocol.");
        sessions.forEach((protocol, open) -> sample(out, "eventvfs_sessions_open", "protocol", protocol, open));
        header(out, "eventvfs_commands_total", "counter", "Commands answered, by result.");
        sample(out, "eventvfs_commands_total", "result", "committed", commandsCommitted);
        sample(out, "eventvfs_commands_total", "result", "refused", commandsRefused);
        sample(out, "eventvfs_commands_total", "result", "failed", commandsFailed);
        metric(out, "eventvfs_store_failures_total", "counter",
                "Appends to the event store and block reads and writes that failed.", storeFailures);
        header(out, "eventvfs_content_bytes_total", "counter", "Content bytes stored (in) and read (out).");
        sample(out, "eventvfs_content_bytes_total", "direction", "in", bytesIn);
        sample(out, "eventvfs_content_bytes_total", "direction", "out", bytesOut);
        metric(out, "eventvfs_logins_refused_total", "counter", "Password logins refused.", loginsRefused);
        header(out, "eventvfs_stream_events", "gauge", "Events in each stream's log: its newest position.");
        streams.forEach(s -> sample(out, "eventvfs_stream_events", "stream", s.stream(), s.events()));
        header(out, "eventvfs_stream_bytes", "gauge", "Bytes each stream's log takes in the event store.");
        streams.forEach(s -> sample(out, "eventvfs_stream_bytes", "stream", s.stream(), s.bytes()));
        header(out, "eventvfs_stream_lag", "gauge",
                "Positions each loaded stream's projection is behind the event store.");
        streams.stream().filter(s -> s.lag() != null)
                .forEach(s -> sample(out, "eventvfs_stream_lag", "stream", s.stream(), s.lag()));
        if (blobs != null) {
            metric(out, "eventvfs_blob_blocks", "gauge", "Blocks in the blob store, as last measured.",
                    blobs.blocks());
            metric(out, "eventvfs_blob_bytes", "gauge", "Bytes of the blocks in the blob store, as last measured.",
                    blobs.bytes());
            metric(out, "eventvfs_blob_measured_timestamp_seconds", "gauge",
                    "When the blob store was last measured, in seconds since the epoch.",
                    Instant.parse(blobs.measured()).getEpochSecond());
        }
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, long value) {
        header(out, name, type, help);
        out.append(name).append(' ').append(value).append('\n');
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder out, String name, String label, String value, long number) {
        out.append(name).append('{').append(label).append("=\"").append(escaped(value)).append("\"} ")
                .append(number).append('\n');
    }

    /** Label values escape backslash, double quote and newline. */
    private static String escaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
