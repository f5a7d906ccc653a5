package org.eventvfs.storage.postgres;

import java.nio.file.Path;
import org.eventvfs.VfsOptions;
import org.eventvfs.testkit.PostgresDatabases;
import org.eventvfs.testkit.StoreFixture;

/** Events in a new PostgreSQL database of their own, blocks in a local folder. */
final class PgStoreFixture implements StoreFixture {
    @Override
    public VfsOptions options(Path dataDirectory) {
        return VfsOptions.embedded(dataDirectory).withEvents(PostgresDatabases.create());
    }
}
