package org.eventvfs.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.impl.TreeProjection;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The latency of looking a depth-10 path up in a projection of a million nodes, as of the
 * position where the tree was just created (so every node changed since must be skipped back
 * over) and at the head. Each call takes the next of {@value #PATHS} random file paths.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 3)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
public class AsOfLookup {
    static final int NODES = 1_000_000;
    private static final int PATHS = 4096;

    private TreeProjection projection;
    private long past;
    private VfsPath[] paths;
    private int next;

    @Setup(Level.Trial)
    public void buildTree() {
        DeepTreeHistory history = new DeepTreeHistory(NODES);
        projection = history.project();
        past = history.createdAt();
        List<VfsPath> files = history.filePaths(PATHS, 42);
        for (VfsPath path : files) {
            Node then = projection.asOf(past).lookup(path);
            Node now = projection.head().lookup(path);
            if (path.depth() != 10 || then == null || now == null || then.id() != now.id()) {
                throw new IllegalStateException(path + " is not the same file at " + past + " and at the head");
            }
        }
        paths = files.toArray(VfsPath[]::new);
    }

    @Benchmark
    public Node pastLookup() {
        return projection.asOf(past).lookup(nextPath());
    }

    @Benchmark
    public Node headLookup() {
        return projection.head().lookup(nextPath());
    }

    private VfsPath nextPath() {
        VfsPath path = paths[next];
        next = (next + 1) & (PATHS - 1);
        return path;
    }
}
