package org.eventvfs.server;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import io.vertx.core.Future;
import org.eventvfs.BlockCheck;
import org.eventvfs.GcReport;
import org.eventvfs.Retention;
import org.eventvfs.Vfs;
import org.eventvfs.domain.AccountCommand;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.Sha256;

/**
 * {@code vfs gc} and {@code vfs verify --blobs} as the admin socket carries them: requests and
 * reports with hashes as hex, the same whether the command ran on the stores or through a server.
 */
final class BlockMaintenance {
    static final String GC = "/v1/blocks/gc";
    static final String VERIFY = "/v1/blocks/verify";

    private BlockMaintenance() {
    }

    /**
     * @param grace an ISO-8601 duration
     * @param keepDays how many days superseded revisions keep their content; null keeps all
     */
    record GcRequest(String grace, boolean dryRun, Long keepDays) {
    }

    /** @param keepDays as for {@link GcRequest} */
    record VerifyRequest(Long keepDays) {
    }

    /** The days of a retention policy, as a request carries them; null for none. */
    static Long keepDays(Retention retention) {
        return retention.keepsAll() ? null : retention.keepContent().toDays();
    }

    /**
     * Runs a collection for {@code actor} and, when it deleted blocks, records that in the account
     * stream ({@code BlocksCollected}), so that whoever dropped old revisions' content is audited
     * like any change to a file. A dry run changes nothing and records nothing.
     */
    static Future<GcResult> collect(Vfs vfs, Actor actor, Duration grace, Retention retention, boolean dryRun) {
        return vfs.collectGarbage(grace, retention, dryRun).compose(report -> {
            int deleted = report.collected().size() - report.kept();
            if (report.dryRun() || deleted == 0) {
                return Future.succeededFuture(GcResult.of(report));
            }
            Long days = keepDays(retention);
            return vfs.accounts().execute(new AccountCommand.RecordCollection(actor.user(), deleted,
                    days == null ? null : Math.toIntExact(days)), actor).map(recorded -> GcResult.of(report));
        });
    }

    /** The retention policy a request names. */
    static Retention retention(Long keepDays) {
        if (keepDays != null && keepDays < 0) {
            throw new AdminApi.BadRequest("keepDays cannot be negative: " + keepDays);
        }
        return keepDays == null ? Retention.KEEP_ALL : Retention.days(keepDays);
    }

    record GcResult(int listed, int referenced, int young, List<String> collected, int kept, boolean dryRun) {
        static GcResult of(GcReport report) {
            return new GcResult(report.listed(), report.referenced(), report.young(), hex(report.collected()),
                    report.kept(), report.dryRun());
        }

        List<String> lines(Duration grace, Retention retention) {
            String verb = dryRun ? "would delete" : "deleted";
            List<String> lines = new java.util.ArrayList<>();
            if (dryRun) {
                collected.forEach(hash -> lines.add("unreferenced " + hash));
            }
            if (!retention.keepsAll()) {
                lines.add("retention: the content of revisions superseded more than " + keepDays(retention)
                        + " days ago is not kept");
            }
            lines.add(listed + " blocks stored, " + referenced + " referenced; " + young
                    + " unreferenced kept (stored within " + shown(grace) + "); " + verb + " "
                    + (collected.size() - kept) + (kept > 0 ? " (" + kept + " put again meanwhile, kept)" : ""));
            return lines;
        }
    }

    record CheckResult(int referenced, List<String> missing, List<String> damaged) {
        static CheckResult of(BlockCheck check) {
            return new CheckResult(check.referenced(), hex(check.missing()), hex(check.damaged()));
        }

        boolean intact() {
            return missing.isEmpty() && damaged.isEmpty();
        }

        List<String> lines() {
            List<String> lines = new java.util.ArrayList<>();
            missing.forEach(hash -> lines.add("missing " + hash));
            damaged.forEach(hash -> lines.add("damaged " + hash));
            lines.add(referenced + " referenced blocks checked: " + (intact() ? "all stored and intact"
                    : missing.size() + " missing, " + damaged.size() + " damaged"));
            return lines;
        }
    }

    /** {@code 24h}, {@code 30m}, {@code 90s}, {@code 7d}, {@code 0} or ISO-8601 ({@code PT24H}). */
    static Duration duration(String key, String text) {
        String value = text.strip();
        try {
            if (value.equals("0")) {
                return Duration.ZERO;
            }
            if (value.matches("\\d+d")) {
                return Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            Duration duration = Duration.parse(value.matches("\\d+[smh]") ? "PT" + value.toUpperCase() : value);
            if (duration.isNegative()) {
                throw new DateTimeParseException("negative", value, 0);
            }
            return duration;
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new ConfigException(key + ": '" + text + "' is not a duration such as 24h, 30m or 7d");
        }
    }

    private static String shown(Duration grace) {
        return grace.toString().substring(2).toLowerCase();
    }

    private static List<String> hex(List<Sha256> hashes) {
        return hashes.stream().map(Sha256::hex).toList();
    }
}
