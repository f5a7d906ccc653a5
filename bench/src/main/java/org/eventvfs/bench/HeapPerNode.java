package org.eventvfs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import org.eventvfs.impl.TreeProjection;

/**
 * The heap a projection of a million nodes retains, per node: heap in use after a full GC with
 * the projection, minus before it, divided by the nodes. The nodes carry the versions of
 * {@link DeepTreeHistory}'s later changes, which count towards the figure. Prints one line,
 * {@code bytes/node <n>}, after a line for people.
 */
public final class HeapPerNode {
    private HeapPerNode() {
    }

    public static void main(String[] args) {
        int nodes = args.length > 0 ? Integer.parseInt(args[0]) : AsOfLookup.NODES;
        DeepTreeHistory history = new DeepTreeHistory(nodes);
        long before = usedAfterGc();
        TreeProjection projection = history.project();
        long after = usedAfterGc();
        long live = projection.liveNodeCount();
        Reference.reachabilityFence(projection);
        double perNode = (double) (after - before) / live;
        System.out.printf("projection of %,d live nodes at position %,d retains %,d bytes%n", live,
                projection.durablePosition(), after - before);
        System.out.printf("bytes/node %.1f%n", perNode);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
