package org.eventvfs.storage.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventvfs.testkit.Await.failure;
import static org.eventvfs.testkit.Await.result;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.eventvfs.spi.ChainReport;
import org.eventvfs.spi.EventStore;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.testkit.EventChain;
import org.eventvfs.testkit.LocalLogFrames.Frame;
import org.junit.jupiter.api.Test;

/**
 * A log opened to be verified is read as it is, never repaired: every flipped byte is reported
 * with the frame's byte and first position, a torn tail is a note rather than damage, and the file
 * is left exactly as it was.
 */
class LogVerificationTest extends WrittenLogTest {
    @Test
    void anIntactLogVerifiesToItsHead() throws IOException {
        ChainReport report = verify(copyWith("intact", written.bytes()));

        assertThat(report.intact()).isTrue();
        assertThat(report.note()).isNull();
        assertThat(report.intactHead()).isEqualTo(written.headWithin(written.bytes().length));
    }

    @Test
    void aFlippedByteAtAnyOffsetNamesItsFrameAndPositionAndChangesNothing() throws IOException {
        for (long at = 0; at < written.bytes().length; at++) {
            boolean edge = at < 40 || at >= written.frame(-1).start() - 8;
            if (!edge && at % 7 != 0) {
                continue;
            }
            Frame frame = written.frameAt(at);
            byte[] bytes = written.flipped(at);
            Path folder = copyWith("flip-" + at, bytes);

            ChainReport report = verify(folder);

            assertThat(report.intact()).as("flip at byte %d", at).isFalse();
            assertThat(report.firstBadPosition()).as("flip at byte %d", at).isEqualTo(frame.firstPosition());
            assertThat(report.problem()).as("flip at byte %d", at).contains("at byte " + frame.start());
            assertThat(report.intactThrough()).isEqualTo(frame.firstPosition() - 1);
            assertThat(folder.resolve(WrittenLog.LOG)).hasBinaryContent(bytes);
        }
    }

    @Test
    void aTornTailIsANoteAndIsNotCutOff() throws IOException {
        Frame last = written.frame(-1);
        byte[] cut = Arrays.copyOf(written.bytes(), (int) last.end() - 5);
        Path folder = copyWith("torn", cut);

        ChainReport report = verify(folder);

        assertThat(report.intact()).isTrue();
        assertThat(report.intactHead()).isEqualTo(written.headWithin(last.start()));
        assertThat(report.note()).contains("torn tail of " + (last.end() - 5 - last.start()) + " bytes from byte "
                + last.start());
        assertThat(folder.resolve(WrittenLog.LOG)).hasBinaryContent(cut);
    }

    @Test
    void theRunwayACrashLeftIsNeitherDamageNorANote() throws IOException {
        byte[] withRunway = Arrays.copyOf(written.bytes(), written.bytes().length + StreamLog.RUNWAY);
        Path folder = copyWith("runway", withRunway);

        ChainReport report = verify(folder);

        assertThat(report.intact()).isTrue();
        assertThat(report.note()).isNull();
        assertThat(report.intactHead()).isEqualTo(written.headWithin(written.bytes().length));
        assertThat(folder.resolve(WrittenLog.LOG)).hasBinaryContent(withRunway);
    }

    @Test
    void aStoreOpenedToVerifyRefusesAppendsAndCreatesNoLog() throws IOException {
        Path folder = copyWith("read-only", written.bytes());
        EventStore store = result(Storage.openEventStoreToVerify(URI.create("file:" + folder),
                new StorageContext(vertx, temp)));
        try {
            long head = written.events().size();
            assertThat(failure(store.append("default", head, new EventChain("default",
                    written.headWithin(written.bytes().length)).batches(1, 1)))).hasMessageContaining("verified");
            assertThat(failure(store.append("other", 0, new EventChain("other").batches(1, 1))))
                    .hasMessageContaining("verified");
        } finally {
            result(store.close());
        }
        assertThat(folder.resolve(WrittenLog.LOG)).hasBinaryContent(written.bytes());
        assertThat(folder.resolve("other.log")).doesNotExist();
    }

    @Test
    void aMissingFolderIsAnEmptyStoreAndIsNotCreated() {
        Path folder = temp.resolve("nothing-here");
        EventStore store = result(LocalEventStore.openToVerify(vertx, folder));
        try {
            assertThat(result(store.streams())).isEmpty();
        } finally {
            result(store.close());
        }
        assertThat(folder).doesNotExist();
    }

    private ChainReport verify(Path folder) {
        LocalEventStore store = result(LocalEventStore.openToVerify(vertx, folder));
        try {
            List<String> streams = result(store.streams());
            assertThat(streams).contains("default");
            return result(store.verifyChain("default"));
        } finally {
            result(store.close());
        }
    }
}
