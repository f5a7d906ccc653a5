package org.eventvfs.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;
import org.eventvfs.domain.VolumeEvent.AttributesChanged;
import org.eventvfs.domain.VolumeEvent.ContentCommitted;
import org.eventvfs.domain.VolumeEvent.DirectoryCreated;
import org.eventvfs.domain.VolumeEvent.FileCreated;
import org.eventvfs.domain.VolumeEvent.NodeMoved;
import org.eventvfs.impl.TreeProjection;

/**
 * The history of a volume the benchmarks share, as the events a writer would have appended.
 *
 * <p>First the tree is created, parents before children: directories nine levels deep with
 * {@value #FANOUT} subdirectories each, and the files spread over the deepest directories, so
 * every file's path has depth 10. Then it changes, so many nodes have several versions: a third
 * of the files get new content and a ninth get it twice, every directory above the deepest gets
 * a new mode, and every other deepest directory is renamed and renamed back.
 */
final class DeepTreeHistory {
    static final int FANOUT = 3;
    static final int DIRECTORY_DEPTH = 9;
    private static final long EPOCH = 1_763_712_000_000L;
    private static final int BLOCK = 64 * 1024;

    /** Receives the events in log order. */
    interface Sink {
        void accept(long position, VolumeEvent event);
    }

    private final int nodes;
    private final int leafDirectories;
    private final int directories;

    /** A tree of {@code nodes} nodes besides the root. */
    DeepTreeHistory(int nodes) {
        int leaves = 1;
        int all = 0;
        for (int level = 1; level <= DIRECTORY_DEPTH; level++) {
            leaves *= FANOUT;
            all += leaves;
        }
        if (nodes < all + leaves) {
            throw new IllegalArgumentException("a tree " + DIRECTORY_DEPTH + " directories deep needs at least "
                    + (all + leaves) + " nodes");
        }
        this.nodes = nodes;
        this.leafDirectories = leaves;
        this.directories = all;
    }

    int nodes() {
        return nodes;
    }

    /** The position at which the whole tree exists and nothing has changed yet. */
    long createdAt() {
        return nodes;
    }

    /** Every event of the history; the number of events. */
    long replay(Sink sink) {
        Generator generator = new Generator(sink, null);
        generator.createTree();
        generator.changeTree();
        return generator.position;
    }

    /**
     * A new projection of the whole history, applied as a volume load applies a log: made durable
     * after each page of {@link ReplayThroughput#PAGE} events.
     */
    TreeProjection project() {
        TreeProjection projection = new TreeProjection();
        long last = replay((position, event) -> {
            projection.apply(position, position, event);
            if (position % ReplayThroughput.PAGE == 0) {
                projection.markDurable(position);
            }
        });
        projection.markDurable(last);
        return projection;
    }

    /**
     * The paths of {@code count} files picked at random with {@code seed}: each exists both at
     * {@link #createdAt()} and at the end, and its lookup goes through versions added after the
     * first.
     */
    List<VfsPath> filePaths(int count, long seed) {
        int files = nodes - directories;
        Random random = new Random(seed);
        boolean[] picked = new boolean[files];
        for (int n = 0; n < count; ) {
            int file = random.nextInt(files);
            if (!picked[file]) {
                picked[file] = true;
                n++;
            }
        }
        Generator generator = new Generator((position, event) -> {
        }, picked);
        generator.createTree();
        return generator.paths;
    }

    /** Walks the tree once, in creation order, numbering nodes as a writer would (the root is 1). */
    private final class Generator {
        private final Sink sink;
        private final boolean[] pathsWanted;
        private final List<VfsPath> paths = new ArrayList<>();
        private final String[] names = new String[DIRECTORY_DEPTH + 1];
        private final long[] fileIds;
        private final List<Placed> renamedLeaves = new ArrayList<>();
        private final List<Long> innerDirectories = new ArrayList<>();
        private long position;
        private long nextId = Node.ROOT_ID + 1;
        private int nextFile;
        private int nextLeaf;

        Generator(Sink sink, boolean[] pathsWanted) {
            this.sink = sink;
            this.pathsWanted = pathsWanted;
            this.fileIds = new long[nodes - directories];
        }

        void createTree() {
            directory(Node.ROOT_ID, 0);
        }

        private void directory(long id, int level) {
            for (int i = 0; i < FANOUT; i++) {
                long child = nextId++;
                String name = "dir-" + child;
                names[level] = name;
                emit(new DirectoryCreated(child, id, name, Node.DEFAULT_DIRECTORY_MODE, "alice", time()));
                if (level + 1 < DIRECTORY_DEPTH) {
                    innerDirectories.add(child);
                    directory(child, level + 1);
                } else {
                    if (nextLeaf % 2 == 0) {
                        renamedLeaves.add(new Placed(child, id, name));
                    }
                    files(child, nextLeaf++);
                }
            }
        }

        /** The files of one deepest directory: an even share, the first directories one more. */
        private void files(long directoryId, int leaf) {
            int files = fileIds.length;
            int share = files / leafDirectories + (leaf < files % leafDirectories ? 1 : 0);
            for (int i = 0; i < share; i++) {
                long id = nextId++;
                String name = "file-" + id + ".dat";
                fileIds[nextFile] = id;
                if (pathsWanted != null && pathsWanted[nextFile]) {
                    names[DIRECTORY_DEPTH] = name;
                    paths.add(VfsPath.parse("/" + String.join("/", names)));
                }
                nextFile++;
                emit(new FileCreated(id, directoryId, name, Node.DEFAULT_FILE_MODE, "alice", time()));
            }
        }

        void changeTree() {
            for (int round = 1; round <= 2; round++) {
                int every = round == 1 ? 3 : 9;
                for (int i = 0; i < fileIds.length; i += every) {
                    emit(new ContentCommitted(fileIds[i], content(fileIds[i], round), time()));
                }
            }
            for (long id : innerDirectories) {
                emit(new AttributesChanged(id, 0750, null, null));
            }
            for (Placed leaf : renamedLeaves) {
                emit(new NodeMoved(leaf.id(), leaf.parentId(), leaf.name(), leaf.parentId(), leaf.name() + ".old",
                        time()));
            }
            for (Placed leaf : renamedLeaves) {
                emit(new NodeMoved(leaf.id(), leaf.parentId(), leaf.name() + ".old", leaf.parentId(), leaf.name(),
                        time()));
            }
        }

        private void emit(VolumeEvent event) {
            sink.accept(++position, event);
        }

        private long time() {
            return EPOCH + position;
        }
    }

    private record Placed(long id, long parentId, String name) {
    }

    private static Content content(long fileId, int revision) {
        Sha256 sha = new Sha256(fileId, revision, 0, 0);
        int size = BLOCK + revision;
        return new Content(size, sha, List.of(new BlockRef(sha, size)));
    }
}
