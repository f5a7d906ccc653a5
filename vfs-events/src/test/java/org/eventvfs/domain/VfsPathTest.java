package org.eventvfs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VfsPathTest {
    @Test
    void normalisesSlashesAndDots() {
        assertThat(VfsPath.parse("//a/./b//c/").toString()).isEqualTo("/a/b/c");
        assertThat(VfsPath.parse("a/b")).isEqualTo(VfsPath.parse("/a/b"));
        assertThat(VfsPath.parse("/").isRoot()).isTrue();
        assertThat(VfsPath.parse("").isRoot()).isTrue();
        assertThat(VfsPath.parse("/./.").isRoot()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "/..", "/a/..", "/a/../b", "../../etc/passwd", "a/b/../../..", "/a/\0b",
            "/a/b\0"})
    void refusesEscapesAndNul(String path) {
        assertThatThrownBy(() -> VfsPath.parse(path)).isInstanceOf(VfsException.InvalidName.class)
                .hasMessageNotContaining("\0");
    }

    @Test
    void refusesNamesOver255Bytes() {
        String longest = "é".repeat(127) + "x"; // 255 bytes
        assertThat(VfsPath.parse("/" + longest).fileName()).isEqualTo(longest);
        assertThatThrownBy(() -> VfsPath.parse("/" + "é".repeat(128)))
                .isInstanceOf(VfsException.InvalidName.class).hasMessageContaining("255");
    }

    @Test
    void refusesPathsOver4096Bytes() {
        String segment = "a".repeat(200);
        String path = ("/" + segment).repeat(21); // 4221 bytes
        assertThatThrownBy(() -> VfsPath.parse(path)).isInstanceOf(VfsException.InvalidName.class)
                .hasMessageContaining("4096");
        VfsPath deep = VfsPath.parse(("/" + segment).repeat(20));
        assertThatThrownBy(() -> deep.resolve(segment)).isInstanceOf(VfsException.InvalidName.class);
    }

    @Test
    void refusesLoneSurrogates() {
        assertThatThrownBy(() -> VfsPath.parse("/a\uD800b")).isInstanceOf(VfsException.InvalidName.class);
        assertThat(VfsPath.parse("/\uD83D\uDE00").fileName()).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void resolveValidatesTheName() {
        VfsPath root = VfsPath.root();
        for (String bad : new String[] {"", ".", "..", "a/b", "a\0"}) {
            assertThatThrownBy(() -> root.resolve(bad)).isInstanceOf(VfsException.InvalidName.class);
        }
    }

    @Test
    void parentsAndPrefixes() {
        VfsPath p = VfsPath.parse("/a/b/c");
        assertThat(p.parent()).isEqualTo(VfsPath.parse("/a/b"));
        assertThat(VfsPath.root().parent()).isEqualTo(VfsPath.root());
        assertThat(p.startsWith(VfsPath.parse("/a"))).isTrue();
        assertThat(p.startsWith(VfsPath.parse("/a/b/c"))).isTrue();
        assertThat(VfsPath.parse("/ab").startsWith(VfsPath.parse("/a"))).isFalse();
        assertThat(p.relativize(VfsPath.parse("/a")).toString()).isEqualTo("/b/c");
    }
}
