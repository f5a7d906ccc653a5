package org.eventvfs.impl;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class VersionsTest {
    @Test
    void aLookupAsOfAnyPositionFindsTheVersionThatHeldThen() {
        Random random = new Random(7);
        for (int length : new int[] {1, 2, 3, 7, 8, 100, 1_000, 5_000}) {
            List<Long> froms = new ArrayList<>();
            Versions<Integer> chain = null;
            long from = random.nextInt(3);
            for (int i = 0; i < length; i++) {
                froms.add(from);
                chain = new Versions<>(from, random.nextInt(4) == 0 ? null : i, chain);
                from += 1 + random.nextInt(5);
            }
            for (long position = -1; position <= from + 1; position++) {
                int expected = -1;
                for (int i = 0; i < froms.size() && froms.get(i) <= position; i++) {
                    expected = i;
                }
                Versions<Integer> found = chain.upTo(position);
                if (expected < 0) {
                    assertThat(found).as("before the first version, length %d", length).isNull();
                } else {
                    assertThat(found.from()).as("as of %d, length %d", position, length).isEqualTo(froms.get(expected));
                    assertThat(found.length()).isEqualTo(expected + 1);
                }
            }
        }
    }
}
