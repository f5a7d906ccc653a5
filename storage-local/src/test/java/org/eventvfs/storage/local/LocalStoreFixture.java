package org.eventvfs.storage.local;

import java.nio.file.Path;
import org.eventvfs.VfsOptions;
import org.eventvfs.testkit.StoreFixture;

/** The embedded default, exactly as {@code vfs run} opens it: a log folder and a blob folder. */
final class LocalStoreFixture implements StoreFixture {
    @Override
    public VfsOptions options(Path dataDirectory) {
        return VfsOptions.embedded(dataDirectory);
    }
}
