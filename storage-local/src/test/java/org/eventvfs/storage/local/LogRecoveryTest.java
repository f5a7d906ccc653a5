package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;
import static org.eventvfs.testkit.EventChain.eventsOf;

import ch.qos.logback.classic.Level;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eventvfs.spi.EventBatch;
import org.eventvfs.spi.StreamHead;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.LocalLogFrames.Frame;
import org.eventvfs.testkit.LogRecorder;
import org.junit.jupiter.api.Test;

/**
 * A crash can cut the last append short anywhere; damage can hit anything. The store must recover
 * exactly the whole batches from the first, and refuse the second without touching the file.
 */
class LogRecoveryTest extends WrittenLogTest {
    private static final String LOG = WrittenLog.LOG;

    private void assertRecovers(Path folder, long length) throws IOException {
        StreamHead expected = written.headWithin(length);
        LocalEventStore store = result(LocalEventStore.open(vertx, folder, Durability.NO_FSYNC));
        try {
            assertThat(result(store.head("default"))).as("head after a cut at byte %d", length).isEqualTo(expected);
            assertThat(Files.size(folder.resolve(LOG))).isEqualTo(
                    expected.position() == 0 ? 0 : written.frames().stream()
                            .filter(f -> f.lastPosition() == expected.position()).findFirst().orElseThrow().end());
            int kept = (int) expected.position();
            assertThat(result(store.read("default", 1, 1000))).isEqualTo(written.events().subList(0, kept));

            List<EventBatch> next = new EventChain("default", expected).batches(1, 2);
            result(store.append("default", kept, next));
            assertThat(result(store.read("default", kept + 1, 10))).isEqualTo(eventsOf(next));
        } finally {
            result(store.close());
        }
    }

    @Test
    void aLogCutAtAnyByteOfItsLastTwoFramesKeepsExactlyTheWholeBatches() throws IOException {
        for (long cut = written.frame(-2).start(); cut <= written.bytes().length; cut++) {
            Path folder = copyWith("cut-" + cut, Arrays.copyOf(written.bytes(), (int) cut));
            assertRecovers(folder, cut);
        }
    }

    @Test
    void aLogCutInsideItsFirstFrameIsAnEmptyStream() throws IOException {
        Frame first = written.frame(0);
        for (long cut : new long[] {0, 1, 23, 24, 25, first.end() / 2, first.end() - 1}) {
            assertRecovers(copyWith("first-cut-" + cut, Arrays.copyOf(written.bytes(), (int) cut)), cut);
        }
    }

    @Test
    void aZeroFilledTailIsTorn() throws IOException {
        byte[] extended = Arrays.copyOf(written.bytes(), written.bytes().length + 8192);
        assertRecovers(copyWith("extended", extended), written.bytes().length);

        byte[] lastZeroed = written.bytes().clone();
        Arrays.fill(lastZeroed, (int) written.frame(-1).start(), lastZeroed.length, (byte) 0);
        assertRecovers(copyWith("last-zeroed", lastZeroed), written.frame(-1).start());
    }

    @Test
    void zerosFromInsideAFrameToTheEndAreTornWhereTheChecksumThatFailsIsZero() throws IOException {
        Frame last = written.frame(-1);
        for (long from : new long[] {last.start() + 10, last.start() + 20, last.start() + 30, last.end() - 4}) {
            byte[] bytes = written.bytes().clone();
            Arrays.fill(bytes, (int) from, bytes.length, (byte) 0);
            assertRecovers(copyWith("zero-from-" + from, bytes), last.start());
        }
    }

    @Test
    void aTornTailIsCutWithAWarningNamingTheStreamAndTheBytes() throws IOException {
        try (LogRecorder log = new LogRecorder(LogRecovery.class, Level.WARN)) {
            int cut = written.bytes().length - 7;
            assertRecovers(copyWith("warned", Arrays.copyOf(written.bytes(), cut)), cut);
            assertThat(log.messages()).singleElement().asString().startsWith("WARN ").contains("stream default",
                    "torn tail", "dropping " + (written.frame(-1).end() - written.frame(-1).start() - 7) + " bytes",
                    "from byte " + written.frame(-1).start());
        }
    }

    @Test
    void aFlippedByteAnywhereInAMiddleFrameIsDamageAndNothingIsTruncated() throws IOException {
        Frame middle = written.frame(written.frames().size() / 2);
        long length = middle.end() - middle.start();
        long[] header = {0, 3, 4, 7, 8, 15, 16, 19, 20, 23};
        long[] bodyAndTrailer = {24, 27, 28, 29, length / 2, length - 5, length - 4, length - 1};
        for (long[] offsets : List.of(header, bodyAndTrailer)) {
            for (long inFrame : offsets) {
                assertDamaged("flip-" + inFrame, flipped(middle.start() + inFrame), middle);
            }
        }
    }

    @Test
    void aFlippedByteInTheLastFramesBodyIsDamage() throws IOException {
        Frame last = written.frame(-1);
        assertDamaged("flip-last", flipped((last.start() + last.end()) / 2), last);
    }

    @Test
    void aFrameAtTheWrongPositionIsDamage() throws IOException {
        Frame last = written.frame(-1);
        byte[] repeated = Arrays.copyOf(written.bytes(), written.bytes().length + (int) (last.end() - last.start()));
        System.arraycopy(written.bytes(), (int) last.start(), repeated, written.bytes().length,
                (int) (last.end() - last.start()));

        LogDamaged damage = assertDamaged("repeated", repeated,
                new Frame(last.end(), repeated.length, last.lastPosition() + 1, 0));
        assertThat(damage).hasMessageContaining("starts at position " + last.firstPosition());
    }

    @Test
    void zerosInsideAFrameWithDataAfterThemAreDamage() throws IOException {
        Frame middle = written.frame(written.frames().size() / 2);
        byte[] bytes = written.bytes().clone();
        Arrays.fill(bytes, (int) middle.start() + 30, (int) middle.end(), (byte) 0);

        assertDamaged("zero-hole", bytes, middle);
    }

    private byte[] flipped(long at) {
        return written.flipped(at);
    }

    private LogDamaged assertDamaged(String name, byte[] bytes, Frame frame) throws IOException {
        Path folder = copyWith(name, bytes);

        Throwable failure = failure(LocalEventStore.open(vertx, folder, Durability.NO_FSYNC));

        assertThat(failure).as(name).isInstanceOf(LogDamaged.class)
                .hasMessageContaining("(stream default) is damaged at byte " + frame.start() + " (position "
                        + frame.firstPosition() + ")");
        assertThat(folder.resolve(LOG)).as(name).hasBinaryContent(bytes);
        LogDamaged damage = (LogDamaged) failure;
        assertThat(damage.position()).isEqualTo(frame.firstPosition());
        assertThat(damage.offset()).isEqualTo(frame.start());
        return damage;
    }
}
