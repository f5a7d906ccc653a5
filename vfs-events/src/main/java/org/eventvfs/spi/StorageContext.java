package org.eventvfs.spi;

import io.vertx.core.Vertx;
import java.nio.file.Path;

/** What a storage provider gets to open a store: the Vert.x instance and the server's data folder. */
public record StorageContext(Vertx vertx, Path dataDirectory) {
}
