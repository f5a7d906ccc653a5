package org.eventvfs.storage.local;

import static org.eventvfs.testkit.Await.result;

import io.vertx.core.Vertx;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that damage copies of one {@link WrittenLog}: each gets the log written afresh and a Vert.x. */
abstract class WrittenLogTest {
    @TempDir
    Path temp;
    Vertx vertx;
    WrittenLog written;

    @BeforeEach
    void writeLog() throws IOException {
        vertx = Vertx.vertx();
        written = WrittenLog.write(vertx, temp.resolve("original"));
    }

    @AfterEach
    void stopVertx() {
        result(vertx.close());
    }

    /** A store folder of its own holding {@code bytes} as the log of stream {@code default}. */
    Path copyWith(String name, byte[] bytes) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        Files.write(folder.resolve(WrittenLog.LOG), bytes);
        return folder;
    }
}
