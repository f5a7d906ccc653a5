package org.eventvfs.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.RestoreTarget;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * Random commands over a small name space, so that they collide: parents that exist and that do
 * not, names taken, moves into themselves, removals of non-empty directories. Contents are
 * made-up block lists: the projection never reads blocks.
 */
public final class VolumeCommandArbitraries {
    private static final List<String> DIRECTORY_NAMES = List.of("d0", "d1", "d2", "d3", "d4", "d5");
    private static final List<String> FILE_NAMES = List.of("f0", "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8",
            "f9");

    private VolumeCommandArbitraries() {
    }

    /**
     * A growth phase of creations only, so the tree reaches a few hundred nodes, then any commands
     * at all: roughly {@code min} to {@code max} commands in all.
     */
    public static Arbitrary<List<VolumeCommand>> sequences(int min, int max) {
        Arbitrary<List<VolumeCommand>> growth = creations().list().ofMinSize(min / 4).ofMaxSize(min / 4)
                .map(steps -> steps.stream().flatMap(List::stream).toList());
        Arbitrary<List<VolumeCommand>> churn = commands().list().ofMinSize(min / 2).ofMaxSize(max - min / 2);
        return Combinators.combine(growth, churn).as((a, b) -> {
            List<VolumeCommand> all = new ArrayList<>(a);
            all.addAll(b);
            return all;
        });
    }

    /** Steps that only add nodes: a directory with its missing parents ("mkdir -p"), or a file in one. */
    public static Arbitrary<List<VolumeCommand>> creations() {
        return Combinators.combine(directories(), Arbitraries.of(FILE_NAMES), contents()).as((dir, name, content) -> {
            List<VolumeCommand> step = new ArrayList<>();
            for (int depth = 1; depth <= dir.depth(); depth++) {
                VfsPath ancestor = VfsPath.root();
                for (int i = 0; i < depth; i++) {
                    ancestor = ancestor.resolve(dir.name(i));
                }
                step.add(new VolumeCommand.CreateDirectory(ancestor, 0755));
            }
            step.add(new VolumeCommand.CommitContent(dir.resolve(name), content, 0644, Overwrite.REPLACE, null));
            return step;
        });
    }

    public static Arbitrary<VolumeCommand> commands() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, directories().map(p -> new VolumeCommand.CreateDirectory(p, 0755))),
                Tuple.of(8, Combinators.combine(files(), Arbitraries.of(Overwrite.NEVER, Overwrite.REPLACE))
                        .as((p, o) -> new VolumeCommand.CreateFile(p, 0644, o))),
                Tuple.of(6, Combinators.combine(files(), contents(), Arbitraries.of(Overwrite.class),
                        Arbitraries.longs().between(0, 1_000_000).injectNull(0.5))
                        .as((p, c, o, m) -> new VolumeCommand.CommitContent(p, c, 0640, o, m))),
                Tuple.of(1, Combinators.combine(files(), Arbitraries.of("f0", "../x", "/etc/passwd"))
                        .as(VolumeCommand.CreateSymlink::new)),
                Tuple.of(2, Combinators.combine(paths(), files(), Arbitraries.of(Overwrite.class))
                        .as(VolumeCommand.Move::new)),
                Tuple.of(1, Combinators.combine(paths(), directories(), Arbitraries.of(Overwrite.class))
                        .as(VolumeCommand.Move::new)),
                Tuple.of(2, Combinators.combine(files(), Arbitraries.of(RemoveMode.class))
                        .as(VolumeCommand.Remove::new)),
                Tuple.of(1, Combinators.combine(directories(), Arbitraries.of(RemoveMode.EMPTY_DIRECTORY_ONLY,
                        RemoveMode.EMPTY_DIRECTORY_ONLY, RemoveMode.RECURSIVE)).as(VolumeCommand.Remove::new)),
                Tuple.of(1, Combinators.combine(directories(), directories(), Arbitraries.of(Overwrite.class),
                        Arbitraries.of(CopyDepth.class)).as(VolumeCommand.Copy::new)),
                Tuple.of(1, Combinators.combine(files(), files(), Arbitraries.of(Overwrite.class),
                        Arbitraries.of(CopyDepth.class)).as(VolumeCommand.Copy::new)),
                Tuple.of(1, Combinators.combine(paths(), Arbitraries.of(0600, 0755).injectNull(0.3),
                        Arbitraries.of("bob").injectNull(0.7), Arbitraries.longs().between(0, 99).injectNull(0.5))
                        .as(VolumeCommand.SetAttributes::new)),
                Tuple.of(1, Combinators.combine(paths(), Arbitraries.of("p:x", "p:y"),
                        Arbitraries.strings().alpha().ofMaxLength(4), Arbitraries.of(Set.<String>of(), Set.of("p:x")))
                        .as((p, k, v, removed) -> new VolumeCommand.SetProperties(p, Map.of(k, v), removed))),
                Tuple.of(1, Combinators.combine(files(), Arbitraries.longs().between(0, 1 << 20))
                        .as((p, received) -> new VolumeCommand.RecordAbortedUpload(p, received, "connection reset"))),
                Tuple.of(2, Combinators.combine(paths().list().ofMinSize(1).ofMaxSize(3),
                        Arbitraries.of(RestoreTarget.Depth.class), Arbitraries.longs().between(0, 150))
                        .as((paths, depth, asOf) -> new VolumeCommand.Restore(paths.stream()
                                .map(p -> new RestoreTarget(p, depth)).toList(), asOf, "test"))));
    }

    /** Directory-like paths: one to three of four names, so parents exist often enough to grow a tree. */
    public static Arbitrary<VfsPath> directories() {
        return Arbitraries.integers().between(1, 3).flatMap(depth -> Arbitraries.integers()
                .between(0, (int) Math.pow(DIRECTORY_NAMES.size(), depth) - 1)
                .withDistribution(RandomDistribution.uniform())
                .map(index -> directory(depth, index)));
    }

    private static VfsPath directory(int depth, int index) {
        VfsPath path = VfsPath.root();
        for (int i = 0; i < depth; i++) {
            path = path.resolve(DIRECTORY_NAMES.get(index % DIRECTORY_NAMES.size()));
            index /= DIRECTORY_NAMES.size();
        }
        return path;
    }

    /** File-like paths: a directory-like path (or the root) and one of ten file names. */
    public static Arbitrary<VfsPath> files() {
        return Combinators.combine(directories().injectNull(0.15), Arbitraries.of(FILE_NAMES))
                .as((dir, name) -> (dir == null ? VfsPath.root() : dir).resolve(name));
    }

    /** Any path, the root included. */
    public static Arbitrary<VfsPath> paths() {
        return Arbitraries.frequencyOf(Tuple.of(10, directories()), Tuple.of(10, files()),
                Tuple.of(1, Arbitraries.just(VfsPath.root())));
    }

    private static Arbitrary<Content> contents() {
        return Arbitraries.integers().between(1, 3).flatMap(blocks ->
                Arbitraries.integers().between(1, 1000).list().ofSize(blocks).map(sizes -> {
                    List<BlockRef> refs = sizes.stream().map(s -> new BlockRef(fakeHash(s), s)).toList();
                    long total = sizes.stream().mapToLong(Integer::longValue).sum();
                    return new Content(total, fakeHash(total), refs);
                }));
    }

    private static Sha256 fakeHash(long seed) {
        return new Sha256(seed, ~seed, seed * 31, seed ^ 0x5555);
    }
}
