package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eventvfs.Upload;
import org.eventvfs.Volume;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Overwrite;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeCommand;
import org.eventvfs.server.Cli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code vfs gc --keep-days} and {@code retention.keepDays}: through a running server, and as verify reads them. */
@Timeout(60)
class RetentionCommandsTest {
    @TempDir
    Path dir;

    private final Cli cli = new Cli();

    @Test
    void gcDropsSupersededContentAndVerifyCountsOnlyWhatTheConfiguredPolicyKeeps() throws IOException {
        Path data = dir.resolve("data");
        Path config = dir.resolve("vfs.yaml");
        Files.writeString(config, "data: " + data + "\nretention:\n  keepDays: 0\n");
        String replaced;
        try (TestServer server = TestServer.start(data)) {
            Volume volume = server.vfs().volume("default").await();
            Content first = commit(volume, "first version", Overwrite.NEVER);
            commit(volume, "second version", Overwrite.REPLACE);
            replaced = first.blocks().getFirst().hash().hex();

            Result gc = cli.run("gc", "--grace", "0", "--keep-days", "0", "--data", data.toString());

            assertThat(gc.status()).as(gc.err()).isZero();
            assertThat(gc.out()).contains("retention: the content of revisions superseded more than 0 days ago is not"
                    + " kept").contains("2 blocks stored, 1 referenced").contains("deleted 1");
            assertThat(volume.read(volume.stat(VfsPath.parse("/doc")).await().content(), 0, 100).await())
                    .hasToString("second version");
            assertVerifiesOnlyWithThePolicy(data, config, replaced);
        }
        assertVerifiesOnlyWithThePolicy(data, config, replaced);
    }

    private void assertVerifiesOnlyWithThePolicy(Path data, Path config, String replaced) {
        Result withoutPolicy = cli.run("verify", "--data", data.toString());
        Result withPolicy = cli.run("verify", "--config", config.toString());

        assertThat(withoutPolicy.status()).isEqualTo(1);
        assertThat(withoutPolicy.out()).contains("missing " + replaced).contains("volume default: 3 events, chain intact");
        assertThat(withPolicy.status()).as(withPolicy.out()).isZero();
        assertThat(withPolicy.out()).contains("1 referenced blocks checked: all stored and intact");
    }

    @Test
    void aBadRetentionSettingIsRefusedByName() throws IOException {
        Path config = dir.resolve("vfs.yaml");
        Files.writeString(config, "data: " + dir + "\nretention:\n  keepDays: soon\n");
        Path unknown = dir.resolve("unknown.yaml");
        Files.writeString(unknown, "data: " + dir + "\nretention:\n  keepWeeks: 2\n");

        Result bad = cli.run("gc", "--config", config.toString());
        Result misspelt = cli.run("gc", "--config", unknown.toString());
        Result flag = cli.run("gc", "--keep-days", "-3", "--data", dir.toString());

        assertThat(bad.status()).isEqualTo(1);
        assertThat(bad.err()).contains("retention.keepDays").contains("soon");
        assertThat(misspelt.err()).contains("unknown key 'keepWeeks'");
        assertThat(flag.status()).isEqualTo(1);
        assertThat(flag.err()).contains("--keep-days").contains("-3");
    }

    private static Content commit(Volume volume, String text, Overwrite overwrite) {
        Upload upload = volume.upload();
        upload.write(Buffer.buffer(text)).await();
        Content content = upload.finish().await();
        volume.execute(new VolumeCommand.CommitContent(VfsPath.parse("/doc"), content, 0644, overwrite, null),
                SmallHistory.ACTOR).await();
        return content;
    }
}
