package org.eventvfs.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventvfs.domain.VolumeCommand.Copy;
import org.eventvfs.domain.VolumeCommand.CommitContent;
import org.eventvfs.domain.VolumeCommand.CreateDirectory;
import org.eventvfs.domain.VolumeCommand.CreateFile;
import org.eventvfs.domain.VolumeCommand.CreateSymlink;
import org.eventvfs.domain.VolumeCommand.Move;
import org.eventvfs.domain.VolumeCommand.Remove;
import org.eventvfs.domain.VolumeCommand.SetAttributes;
import org.eventvfs.domain.VolumeCommand.RecordAbortedUpload;
import org.eventvfs.domain.VolumeCommand.SetProperties;
import org.eventvfs.domain.VolumeEvent.UploadAborted;
import org.eventvfs.impl.TreeProjection;
import org.junit.jupiter.api.Test;

class DeciderTest {
    private static final Actor ALICE = new Actor("alice", "test", "local", "s1", null);
    private static final Content HELLO = new Content(5, Sha256.of(new byte[32]),
            List.of(new BlockRef(Sha256.of(new byte[32]), 5)));

    private final TreeProjection tree = new TreeProjection();
    private long position;

    private List<VolumeEvent> run(VolumeCommand command) {
        List<VolumeEvent> events = Decider.decide(tree.speculativeHead(), command, ALICE, 1000 + position);
        for (VolumeEvent e : events) {
            tree.apply(++position, 0, e);
        }
        tree.markDurable(position);
        return events;
    }

    private Node at(String path) {
        return tree.head().lookup(VfsPath.parse(path));
    }

    private static VfsPath p(String path) {
        return VfsPath.parse(path);
    }

    @Test
    void createsDirectoriesAndFilesUnderExistingParents() {
        run(new CreateDirectory(p("/docs"), 0750));
        run(new CommitContent(p("/docs/a.txt"), HELLO, 0600, Overwrite.NEVER, null));
        assertThat(at("/docs").isDirectory()).isTrue();
        assertThat(at("/docs").mode()).isEqualTo(0750);
        assertThat(at("/docs/a.txt").content()).isEqualTo(HELLO);
        assertThat(at("/docs/a.txt").owner()).isEqualTo("alice");
        assertThatThrownBy(() -> run(new CreateDirectory(p("/missing/x"), 0755)))
                .isInstanceOf(VfsException.NotFound.class).hasMessageContaining("/missing");
        assertThatThrownBy(() -> run(new CreateDirectory(p("/docs/a.txt/x"), 0755)))
                .isInstanceOf(VfsException.NotADirectory.class);
        assertThatThrownBy(() -> run(new CreateDirectory(p("/docs"), 0755)))
                .isInstanceOf(VfsException.AlreadyExists.class);
    }

    @Test
    void exclusiveCreateRefusesAnExistingName() {
        run(new CreateFile(p("/f"), 0644, Overwrite.NEVER));
        assertThatThrownBy(() -> run(new CreateFile(p("/f"), 0644, Overwrite.NEVER)))
                .isInstanceOf(VfsException.AlreadyExists.class);
        run(new CommitContent(p("/f"), HELLO, 0644, Overwrite.REPLACE, null));
        long id = at("/f").id();
        run(new CreateFile(p("/f"), 0644, Overwrite.REPLACE));
        assertThat(at("/f").id()).isEqualTo(id);
        assertThat(at("/f").size()).isZero();
    }

    @Test
    void moveFollowsPosixRenameRules() {
        run(new CreateDirectory(p("/d"), 0755));
        run(new CreateDirectory(p("/e"), 0755));
        run(new CreateFile(p("/e/inside"), 0644, Overwrite.NEVER));
        run(new CreateFile(p("/f"), 0644, Overwrite.NEVER));
        assertThatThrownBy(() -> run(new Move(p("/d"), p("/d/sub"), Overwrite.REPLACE)))
                .isInstanceOf(VfsException.Conflict.class);
        assertThatThrownBy(() -> run(new Move(p("/d"), p("/e"), Overwrite.REPLACE)))
                .isInstanceOf(VfsException.NotEmpty.class);
        assertThatThrownBy(() -> run(new Move(p("/f"), p("/d"), Overwrite.REPLACE)))
                .isInstanceOf(VfsException.IsADirectory.class);
        assertThatThrownBy(() -> run(new Move(p("/d"), p("/f"), Overwrite.REPLACE)))
                .isInstanceOf(VfsException.NotADirectory.class);
        assertThatThrownBy(() -> run(new Move(p("/f"), p("/e/inside"), Overwrite.NEVER)))
                .isInstanceOf(VfsException.AlreadyExists.class);
        long id = at("/f").id();
        run(new Move(p("/f"), p("/e/inside"), Overwrite.REPLACE));
        assertThat(at("/f")).isNull();
        assertThat(at("/e/inside").id()).isEqualTo(id);
        assertThat(run(new Move(p("/e"), p("/e"), Overwrite.NEVER))).isEmpty();
        run(new Move(p("/d"), p("/e"), Overwrite.REPLACE_TREE));
        assertThat(at("/e/inside")).isNull();
        assertThat(at("/d")).isNull();
    }

    @Test
    void removeRespectsItsMode() {
        run(new CreateDirectory(p("/d"), 0755));
        run(new CreateFile(p("/d/f"), 0644, Overwrite.NEVER));
        assertThatThrownBy(() -> run(new Remove(p("/d"), RemoveMode.NON_DIRECTORY_ONLY)))
                .isInstanceOf(VfsException.IsADirectory.class);
        assertThatThrownBy(() -> run(new Remove(p("/d"), RemoveMode.EMPTY_DIRECTORY_ONLY)))
                .isInstanceOf(VfsException.NotEmpty.class);
        assertThatThrownBy(() -> run(new Remove(p("/d/f"), RemoveMode.EMPTY_DIRECTORY_ONLY)))
                .isInstanceOf(VfsException.NotADirectory.class);
        assertThatThrownBy(() -> run(new Remove(p("/"), RemoveMode.RECURSIVE)))
                .isInstanceOf(VfsException.PermissionDenied.class);
        long fileId = at("/d/f").id();
        run(new Remove(p("/d"), RemoveMode.RECURSIVE));
        assertThat(at("/d")).isNull();
        assertThat(tree.head().node(fileId)).as("descendants go with their directory").isNull();
    }

    @Test
    void copySharesBlocksAndGivesNewIds() {
        run(new CreateDirectory(p("/src"), 0755));
        run(new CreateDirectory(p("/src/sub"), 0700));
        run(new CommitContent(p("/src/sub/f"), HELLO, 0644, Overwrite.NEVER, 77L));
        run(new Copy(p("/src"), p("/dst"), Overwrite.NEVER, CopyDepth.INFINITE));
        Node copy = at("/dst/sub/f");
        assertThat(copy.content()).isEqualTo(HELLO);
        assertThat(copy.modified()).isEqualTo(77L);
        assertThat(copy.id()).isNotEqualTo(at("/src/sub/f").id());
        assertThat(at("/dst/sub").mode()).isEqualTo(0700);
        run(new Copy(p("/src"), p("/shallow"), Overwrite.NEVER, CopyDepth.NODE_ONLY));
        assertThat(tree.head().hasChildren(at("/shallow").id())).isFalse();
        assertThatThrownBy(() -> run(new Copy(p("/src"), p("/src/sub/x"), Overwrite.NEVER, CopyDepth.INFINITE)))
                .isInstanceOf(VfsException.Conflict.class);
    }

    @Test
    void attributesPropertiesAndLinks() {
        run(new CreateFile(p("/f"), 0644, Overwrite.NEVER));
        run(new SetAttributes(p("/f"), 0600, null, 5L));
        assertThat(at("/f").mode()).isEqualTo(0600);
        assertThat(at("/f").modified()).isEqualTo(5L);
        run(new SetProperties(p("/f"), Map.of("DAV:x", "1", "DAV:y", "2"), Set.of()));
        run(new SetProperties(p("/f"), Map.of("DAV:z", "3"), Set.of("DAV:x")));
        assertThat(at("/f").properties()).containsOnly(Map.entry("DAV:y", "2"), Map.entry("DAV:z", "3"));
        run(new CreateSymlink(p("/l"), "../outside"));
        assertThat(at("/l").target()).isEqualTo("../outside");
        assertThatThrownBy(() -> run(new CreateSymlink(p("/m"), "")))
                .isInstanceOf(VfsException.InvalidName.class);
    }

    @Test
    void anAbortedUploadIsRecordedAndChangesNothing() {
        run(new CreateDirectory(p("/in"), 0755));
        run(new CommitContent(p("/in/f"), HELLO, 0644, Overwrite.NEVER, null));
        Node before = at("/in/f");
        List<VolumeEvent> events = run(new RecordAbortedUpload(p("/in/f"), 3, "connection reset"));
        assertThat(events).containsExactly(new UploadAborted(at("/in").id(), "f", 3, "connection reset",
                1000 + position - 1));
        assertThat(at("/in/f")).isEqualTo(before);
        assertThatThrownBy(() -> run(new RecordAbortedUpload(p("/gone/f"), 3, "connection reset")))
                .isInstanceOf(VfsException.NotFound.class);
    }

    @Test
    void pastPositionsStayReadable() {
        run(new CreateFile(p("/f"), 0644, Overwrite.NEVER));
        long created = position;
        run(new CommitContent(p("/f"), HELLO, 0644, Overwrite.REPLACE, null));
        run(new Move(p("/f"), p("/g"), Overwrite.NEVER));
        run(new Remove(p("/g"), RemoveMode.NON_DIRECTORY_ONLY));
        assertThat(tree.asOf(created).lookup(p("/f")).size()).isZero();
        assertThat(tree.asOf(created + 1).lookup(p("/f")).content()).isEqualTo(HELLO);
        assertThat(tree.asOf(created + 2).lookup(p("/f"))).isNull();
        assertThat(tree.asOf(created + 2).lookup(p("/g"))).isNotNull();
        assertThat(tree.head().lookup(p("/g"))).isNull();
        assertThat(tree.asOf(0).lookup(p("/f"))).isNull();
    }

    @Test
    void rollbackForgetsSpeculativeEvents() {
        run(new CreateDirectory(p("/kept"), 0755));
        long durable = position;
        for (VolumeEvent e : Decider.decide(tree.speculativeHead(), new CreateDirectory(p("/lost"), 0755), ALICE, 1)) {
            tree.apply(++position, 0, e);
        }
        assertThat(tree.speculativeHead().lookup(p("/lost"))).isNotNull();
        assertThat(tree.head().lookup(p("/lost"))).as("readers never see speculation").isNull();
        tree.rollback();
        position = durable;
        assertThat(tree.speculativeHead().lookup(p("/lost"))).isNull();
        run(new CreateDirectory(p("/lost"), 0755));
        assertThat(at("/lost")).isNotNull();
    }
}
