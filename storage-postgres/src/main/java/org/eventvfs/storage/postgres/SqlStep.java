package org.eventvfs.storage.postgres;

import io.vertx.sqlclient.Tuple;

/** One statement of an append's transaction with its arguments. */
record SqlStep(String sql, Tuple arguments) {
}
