package org.eventvfs;

import java.util.List;
import org.eventvfs.domain.Sha256;

/**
 * What {@link Vfs#verifyBlocks()} found: every block an event references, read back whole.
 *
 * @param missing referenced blocks the blob store does not have
 * @param damaged blocks whose bytes do not hash to their name or have not the referenced length
 */
public record BlockCheck(int referenced, List<Sha256> missing, List<Sha256> damaged) {
    public BlockCheck {
        missing = List.copyOf(missing);
        damaged = List.copyOf(damaged);
    }

    public boolean intact() {
        return missing.isEmpty() && damaged.isEmpty();
    }
}
