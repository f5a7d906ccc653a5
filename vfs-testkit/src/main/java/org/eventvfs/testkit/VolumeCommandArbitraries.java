package org.eventvfs.testkit;

import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.CopyDepth;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.RemoveMode;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;

/**
 * Random commands over a small name space, so that they collide: parents that exist and that do
 * not, names taken, moves into themselves, removals of non-empty directories. Contents are
 * made-up block lists: the projection never reads blocks.
 */
public final class VolumeCommandArbitraries {
    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e", "f");

    private VolumeCommandArbitraries() {
    }

    public static Arbitrary<List<VolumeCommand>> sequences(int min, int max) {
        return commands().list().ofMinSize(min).ofMaxSize(max);
    }

    public static Arbitrary<VolumeCommand> commands() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, paths().map(p -> new VolumeCommand.CreateDirectory(p, 0755))),
                Tuple.of(5, Combinators.combine(paths(), Arbitraries.of(Overwrite.NEVER, Overwrite.REPLACE))
                        .as((p, o) -> new VolumeCommand.CreateFile(p, 0644, o))),
                Tuple.of(5, Combinators.combine(paths(), contents(), Arbitraries.of(Overwrite.class),
                        Arbitraries.longs().between(0, 1_000_000).injectNull(0.5))
                        .as((p, c, o, m) -> new VolumeCommand.CommitContent(p, c, 0640, o, m))),
                Tuple.of(1, Combinators.combine(paths(), Arbitraries.of("a", "../x", "/etc/passwd"))
                        .as(VolumeCommand.CreateSymlink::new)),
                Tuple.of(3, Combinators.combine(paths(), paths(), Arbitraries.of(Overwrite.class))
                        .as(VolumeCommand.Move::new)),
                Tuple.of(2, Combinators.combine(paths(), Arbitraries.of(RemoveMode.class))
                        .as(VolumeCommand.Remove::new)),
                Tuple.of(2, Combinators.combine(paths(), paths(), Arbitraries.of(Overwrite.class),
                        Arbitraries.of(CopyDepth.class)).as(VolumeCommand.Copy::new)),
                Tuple.of(1, Combinators.combine(paths(), Arbitraries.of(0600, 0755).injectNull(0.3),
                        Arbitraries.of("bob").injectNull(0.7), Arbitraries.longs().between(0, 99).injectNull(0.5))
                        .as(VolumeCommand.SetAttributes::new)),
                Tuple.of(1, Combinators.combine(paths(), Arbitraries.of("p:x", "p:y"),
                        Arbitraries.strings().alpha().ofMaxLength(4), Arbitraries.of(Set.<String>of(), Set.of("p:x")))
                        .as((p, k, v, removed) -> new VolumeCommand.SetProperties(p, Map.of(k, v), removed))));
    }

    /** Paths of depth 0 to 3 over six names. */
    public static Arbitrary<VfsPath> paths() {
        return Arbitraries.of(NAMES).list().ofMinSize(0).ofMaxSize(3)
                .map(names -> VfsPath.parse("/" + String.join("/", names)));
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
