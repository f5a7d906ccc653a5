package org.eventvfs.audit;

import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;

/**
 * Which position of a volume a point in time names: {@code @1234}, a time as the history folder
 * reads it ({@link HistoryFolder#resolve}), or a time ago such as {@code 2h}.
 */
public final class PointInTime {
    private PointInTime() {
    }

    /**
     * The position {@code text} names: {@code @p} itself, up to the head; for a time, the newest
     * position written by its end; {@link Volume#HEAD} for null or empty text. Fails with
     * {@link BadQuery} naming {@code parameter}.
     */
    public static long position(Volume volume, String parameter, String text, long nowMillis) {
        if (text == null || text.isBlank()) {
            return Volume.HEAD;
        }
        HistoryFolder.Entry entry = HistoryFolder.resolve(volume, text.strip());
        if (entry != null) {
            return entry.position();
        }
        if (text.strip().startsWith("@")) {
            throw new BadQuery(parameter + ": '" + text + "' is not a position from @0 to the head of volume "
                    + volume.name() + " (@" + volume.position() + ")");
        }
        return volume.positionAt(TimeSpan.parse(parameter, text, nowMillis).end());
    }
}
