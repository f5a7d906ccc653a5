package org.eventvfs.server;

import io.vertx.core.Future;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventvfs.Vfs;
import org.eventvfs.VfsStats;

/**
 * What {@code vfs admin stats}, {@code GET /v1/stats} on the admin socket and the metrics port
 * report: the counters of {@link VfsStats} since start, the sessions open per protocol, and each
 * volume's log length.
 *
 * @param sessions open sessions by protocol
 * @param volumes each volume with events, and the position its log has reached
 */
record StatsReport(long uptimeSeconds, Map<String, Long> sessions, long commandsCommitted, long commandsRefused,
                   long commandsFailed, long bytesIn, long bytesOut, long loginsRefused, List<VolumeLength> volumes) {
    static final String PATH = "/v1/stats";

    record VolumeLength(String name, long events) {
    }

    static Future<StatsReport> of(Vfs vfs) {
        VfsStats.Snapshot counters = vfs.stats().snapshot();
        return vfs.volumes().compose(names -> {
            List<Future<VolumeLength>> lengths = new ArrayList<>();
            for (String name : names) {
                lengths.add(vfs.volume(name).map(volume -> new VolumeLength(name, volume.position())));
            }
            return Future.all(lengths).map(all -> new StatsReport(
                    ManagementFactory.getRuntimeMXBean().getUptime() / 1000, counters.sessions(),
                    counters.commandsCommitted(), counters.commandsRefused(), counters.commandsFailed(),
                    counters.bytesIn(), counters.bytesOut(), counters.loginsRefused(), all.<VolumeLength>list()));
        });
    }

    /** The report as lines a person reads. */
    List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("up " + uptimeSeconds + " s");
        lines.add("sessions " + (sessions.isEmpty() ? "none" : sessions.toString().replaceAll("[{}]", "")));
        lines.add("commands " + commandsCommitted + " committed, " + commandsRefused + " refused, "
                + commandsFailed + " failed");
        lines.add("content " + bytesIn + " bytes stored, " + bytesOut + " bytes read");
        lines.add("logins refused " + loginsRefused);
        volumes.forEach(v -> lines.add("volume " + v.name() + ": " + v.events() + " events"));
        return lines;
    }

    /** The report in the Prometheus text format (version 0.0.4). */
    String prometheus() {
        StringBuilder out = new StringBuilder();
        metric(out, "eventvfs_uptime_seconds", "gauge", "Seconds since the server started.", "", uptimeSeconds);
        out.append("# HELP eventvfs_sessions_open Open sessions by protocol.\n# TYPE eventvfs_sessions_open gauge\n");
        sessions.forEach((protocol, open) -> sample(out, "eventvfs_sessions_open", "protocol", protocol, open));
        out.append("# HELP eventvfs_commands_total Commands answered, by result.\n"
                + "# TYPE eventvfs_commands_total counter\n");
        sample(out, "eventvfs_commands_total", "result", "committed", commandsCommitted);
        sample(out, "eventvfs_commands_total", "result", "refused", commandsRefused);
        sample(out, "eventvfs_commands_total", "result", "failed", commandsFailed);
        out.append("# HELP eventvfs_content_bytes_total Content bytes stored (in) and read (out).\n"
                + "# TYPE eventvfs_content_bytes_total counter\n");
        sample(out, "eventvfs_content_bytes_total", "direction", "in", bytesIn);
        sample(out, "eventvfs_content_bytes_total", "direction", "out", bytesOut);
        metric(out, "eventvfs_logins_refused_total", "counter", "Password logins refused.", "", loginsRefused);
        out.append("# HELP eventvfs_volume_events Events in each volume's log.\n# TYPE eventvfs_volume_events gauge\n");
        volumes.forEach(v -> sample(out, "eventvfs_volume_events", "volume", v.name(), v.events()));
        return out.toString();
    }

    private static void metric(StringBuilder out, String name, String type, String help, String labels, long value) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n')
                .append("# TYPE ").append(name).append(' ').append(type).append('\n')
                .append(name).append(labels).append(' ').append(value).append('\n');
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
