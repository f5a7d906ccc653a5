package org.eventvfs.storage.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.eventvfs.VfsOptions;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.TreeView;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.impl.TreeProjection;
import org.eventvfs.spi.Storage;
import org.eventvfs.spi.StorageContext;
import org.eventvfs.storage.postgres.TreeTables.NodeVersion;
import org.eventvfs.testkit.ProjectionReplayProperties;
import org.eventvfs.testkit.StoreFixture;
import org.eventvfs.testkit.TreeDump;

/**
 * The in-memory projection equals the replay of the log kept in PostgreSQL, and so do the tree
 * tables: every row as of every position, and the SQL lookups and listings at a few of them.
 */
class PgProjectionReplayProperties extends ProjectionReplayProperties {
    private static final String VOLUME = "prop";

    @Override
    protected StoreFixture fixture() {
        return new PgStoreFixture();
    }

    @Override
    protected void assertStoredTreeEqualsReplay(Vertx vertx, VfsOptions options, List<EventEnvelope> log) {
        PgEventStore store = (PgEventStore) Storage.openEventStore(options.events(),
                new StorageContext(vertx, options.dataDirectory())).await();
        try {
            TreeTables tables = store.tree();
            List<NodeVersion> versions = tables.versions(VOLUME).await();
            TreeProjection replay = new TreeProjection();
            assertSameTree(new VersionsView(versions, 0), replay.head(), 0);
            for (EventEnvelope e : log) {
                replay.apply(e.position(), e.timestamp(), (VolumeEvent) e.payload());
                replay.markDurable(e.position());
                assertSameTree(new VersionsView(versions, e.position()), replay.head(), e.position());
            }
            long head = log.isEmpty() ? 0 : log.getLast().position();
            assertSqlReadsAgree(tables, replay, head);
            assertSqlReadsAgree(tables, replay, head / 2);
        } finally {
            store.close().await();
        }
    }

    private static void assertSameTree(TreeView tables, TreeView replay, long position) {
        assertThat(TreeDump.of(tables)).as("tree tables as of position %d", position).isEqualTo(TreeDump.of(replay));
    }

    /** The queries people and tools run: a lookup per path, a listing per directory. */
    private static void assertSqlReadsAgree(TreeTables tables, TreeProjection replay, long position) {
        SortedMap<VfsPath, Node> expected = TreeDump.of(replay.asOf(position));
        long asOf = position == replay.durablePosition() ? TreeTables.HEAD : position;
        int checked = 0;
        for (Map.Entry<VfsPath, Node> entry : expected.entrySet()) {
            if (checked++ == 25) {
                break;
            }
            assertThat(tables.lookup(VOLUME, entry.getKey(), asOf).await()).isEqualTo(entry.getValue());
            if (entry.getValue().isDirectory()) {
                assertThat(tables.children(VOLUME, entry.getValue().id(), asOf).await())
                        .containsExactlyInAnyOrderElementsOf(replay.asOf(position).children(entry.getValue().id()));
            }
        }
    }
}
