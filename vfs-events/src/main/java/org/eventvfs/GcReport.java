package org.eventvfs;

import java.util.List;
import org.eventvfs.domain.Sha256;

/**
 * What a garbage collection found and did.
 *
 * @param listed the blocks stored when it listed them
 * @param referenced the blocks some event references (stored or not)
 * @param young unreferenced blocks kept because they were stored within the grace period
 * @param collected the unreferenced blocks past the grace period: deleted, or only named in a dry run
 * @param kept of {@code collected}, those put again while the collection ran, and so not deleted
 */
public record GcReport(int listed, int referenced, int young, List<Sha256> collected, int kept, boolean dryRun) {
    public GcReport {
        collected = List.copyOf(collected);
    }
}
