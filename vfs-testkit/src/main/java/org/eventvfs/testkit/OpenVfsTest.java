package org.eventvfs.testkit;

import io.vertx.core.Vertx;
import java.nio.file.Path;
import org.eventvfs.Vfs;
import org.eventvfs.VfsOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A suite whose every test gets a {@link Vfs} on a back-end's fresh stores, opened with small
 * blocks so that a few kilobytes already span several, and closed after the test.
 */
public abstract class OpenVfsTest {
    protected static final int BLOCK = 64 * 1024;

    protected Vertx vertx;
    protected Path dir;
    protected VfsOptions options;
    /** Null once a test closed it for good. */
    protected Vfs vfs;

    protected abstract StoreFixture fixture();

    @BeforeEach
    void openVfs() {
        vertx = Vertx.vertx();
        dir = StoreFixture.tempDirectory();
        options = fixture().options(dir).withBlockSize(BLOCK);
        vfs = StoreFixture.open(vertx, options);
    }

    @AfterEach
    void closeVfs() {
        if (vfs != null) {
            vfs.close().await();
        }
        vertx.close().await();
        StoreFixture.delete(dir);
    }
}
