package org.eventvfs.webdav;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeSet;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The invariant of the history folder over WebDAV: for random histories, the tree a client reads
 * under {@code /.history/@p/} (a PROPFIND walk, then a GET of every file) is the projection of the
 * home at position p, for the empty volume, the head and many positions between; and an entry
 * named by a time is the tree at the last position of that time.
 */
class WebDavPastTreesTest {
    private static final int COMMANDS = 90;
    private static final int POSITIONS = 12;

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void everyPastTreeReadOverWebDavIsTheProjectionAtItsPosition(long seed) {
        try (HistoryDavServer server = new HistoryDavServer()) {
            DavClient alice = server.start(HistoryFolder.DEFAULT_NAME);
            new RandomHistory(server, seed).run(COMMANDS);
            Volume volume = server.volume();
            long head = volume.position();
            Random random = new Random(seed);
            TreeSet<Long> positions = new TreeSet<>(List.of(0L, head));
            while (positions.size() < POSITIONS) {
                positions.add(1 + (long) random.nextInt((int) head));
            }
            int largest = 0;
            boolean properties = false;
            for (long p : positions) {
                SortedMap<String, DavTree.Item> projected = DavTree.projected(volume, RandomHistory.HOME, p);
                assertThat(DavTree.overWebDav(alice, "/.history/@" + p + "/")).as("@" + p).isEqualTo(projected);
                largest = Math.max(largest, projected.size());
                properties |= projected.values().stream().anyMatch(item -> !item.properties().isEmpty());
            }
            assertThat(largest).as("the histories grow real trees").isGreaterThan(5);
            assertThat(properties).as("with dead properties").isTrue();
            assertThat(DavTree.overWebDav(alice, "/.history/@" + head + "/")).as("the head is the live tree")
                    .isEqualTo(DavTree.overWebDav(alice, "/"));
            assertThat(volume.position()).as("reading changed nothing").isEqualTo(head);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5})
    void anEntryNamedByATimeIsTheTreeAtTheLastPositionOfThatTime(long seed) {
        try (HistoryDavServer server = new HistoryDavServer()) {
            DavClient alice = server.start(HistoryFolder.DEFAULT_NAME);
            new RandomHistory(server, seed).run(COMMANDS / 2);
            Volume volume = server.volume();
            long head = volume.position();
            Random random = new Random(seed);
            for (int i = 0; i < POSITIONS / 2; i++) {
                long p = 1 + random.nextInt((int) head);
                long last = p;
                while (last < head && volume.timeOf(last + 1) / 1000 == volume.timeOf(p) / 1000) {
                    last++;
                }
                String time = HistoryFolder.timeName(volume.timeOf(p));
                for (String name : List.of(time, time.replace(':', '-'))) {
                    assertThat(DavTree.overWebDav(alice, "/.history/" + name + "/")).as(name + " = @" + last)
                            .isEqualTo(DavTree.projected(volume, RandomHistory.HOME, last));
                }
            }
            for (HistoryFolder.Entry day : HistoryFolder.entries(volume)) {
                if (!day.name().startsWith("@")) {
                    String date = day.name().substring(0, 10);
                    assertThat(DavTree.overWebDav(alice, "/.history/" + date + "/")).as(date)
                            .isEqualTo(DavTree.projected(volume, RandomHistory.HOME, day.position()));
                }
            }
        }
    }
}
