package org.eventvfs.sftp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.testkit.Processes;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/** The real OpenSSH clients (sftp in batch mode, scp) against the adapter, with key login. */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenSshClientTest {
    private static final Duration CLIENT_TIMEOUT = Duration.ofMinutes(2);

    private TestServer server;
    private Path local;
    private Path key;

    @BeforeAll
    void start() throws Exception {
        Processes.requireInstalled("sftp");
        Processes.requireInstalled("scp");
        Processes.requireInstalled("ssh-keygen");
        server = new TestServer();
        local = Files.createDirectories(server.data.resolve("client"));
        key = local.resolve("id_ed25519");
        Processes.Result keygen = Processes.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C",
                "alice@test", "-f", key.toString()), local, Map.of(), CLIENT_TIMEOUT);
        assertThat(keygen.exitCode()).as(keygen.output()).isZero();
        server.addUser("alice", null, List.of(Files.readString(local.resolve("id_ed25519.pub")).strip()), false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private List<String> sshOptions(String portFlag) {
        return List.of(portFlag, Integer.toString(server.port), "-F", "/dev/null", "-i", key.toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR");
    }

    private Processes.Result sftp(String... commands) throws IOException, InterruptedException {
        Path batch = Files.write(Files.createTempFile(local, "batch-", ".txt"), List.of(commands));
        List<String> command = new ArrayList<>(List.of("sftp", "-b", batch.toString()));
        command.addAll(sshOptions("-P"));
        command.add("alice@127.0.0.1");
        return Processes.run(command, local, Map.of(), CLIENT_TIMEOUT);
    }

    private Processes.Result scp(boolean legacy, String from, String to) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("scp", "-q"));
        if (legacy) {
            command.add("-O");
        }
        command.addAll(sshOptions("-P"));
        command.add(from);
        command.add(to);
        return Processes.run(command, local, Map.of(), CLIENT_TIMEOUT);
    }

    private Node node(String pathInHome) {
        return server.volume().stat(VfsPath.parse("/home/alice" + pathInHome)).await();
    }

    private boolean exists(String pathInHome) {
        try {
            node(pathInHome);
            return true;
        } catch (VfsException.NotFound e) {
            return false;
        }
    }

    private static byte[] sha256(byte[] bytes) {
        return Sha256.newDigest().digest(bytes);
    }

    private Path localFile(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return Files.write(local.resolve(name), bytes);
    }

    @Test
    void theBatchOfEverydayCommandsWorks() throws Exception {
        byte[] content = Files.readAllBytes(localFile("data.bin", 1_500_000, 1));
        Files.write(local.resolve("data.part"), Arrays.copyOf(content, 400_000));

        Processes.Result run = sftp(
                "mkdir work",
                "cd work",
                "put data.part data.bin",
                "reput data.bin data.bin",
                "chmod 600 data.bin",
                "ln -s data.bin link.bin",
                "mkdir empty",
                "rmdir empty",
                "ls -l",
                "df -h",
                "pwd");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(node("/work/data.bin").content().sha256().toBytes()).as("reput completed the upload")
                .isEqualTo(sha256(content));
        assertThat(node("/work/data.bin").mode()).isEqualTo(0600);
        assertThat(node("/work/link.bin").target()).isEqualTo("data.bin");
        assertThat(exists("/work/empty")).isFalse();
        assertThat(run.output()).containsPattern("-rw------- +\\d+ +alice +alice +1500000 .* data\\.bin");
        assertThat(run.output()).containsPattern("l[rwx-]{9} .* link\\.bin");
        assertThat(run.output()).contains("Avail").contains("Remote working directory: /work");
        assertThat(server.events()).filteredOn(e -> e.type().equals("ContentCommitted")).last()
                .satisfies(e -> {
                    assertThat(e.actor().user()).isEqualTo("alice");
                    assertThat(e.actor().protocol()).isEqualTo("sftp");
                    assertThat(e.actor().client()).startsWith("SSH-2.0-OpenSSH_");
                });

        Files.write(local.resolve("got.bin"), Arrays.copyOf(content, 700_000));
        run = sftp("get work/data.bin copy.bin", "reget work/data.bin got.bin", "rename work/data.bin work/moved.bin",
                "rm work/link.bin");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Files.readAllBytes(local.resolve("copy.bin"))).isEqualTo(content);
        assertThat(Files.readAllBytes(local.resolve("got.bin"))).as("reget finished the download").isEqualTo(content);
        assertThat(exists("/work/data.bin")).isFalse();
        assertThat(node("/work/moved.bin").content().size()).isEqualTo(content.length);
        assertThat(exists("/work/link.bin")).isFalse();

        run = sftp("rm work/moved.bin", "rmdir work");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(exists("/work")).isFalse();
    }

    @Test
    void putWithDashPKeepsTheModificationTime() throws Exception {
        Path old = localFile("old.txt", 100, 4);
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(1_577_934_245_000L));
        Processes.Result run = sftp("put -p old.txt kept.txt");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(node("/kept.txt").modified()).isEqualTo(1_577_934_245_000L);
    }

    @Test
    void errorsReachTheClient() throws Exception {
        Files.write(local.resolve("empty.txt"), new byte[0]);
        Processes.Result run = sftp("mkdir full", "put empty.txt full/file", "rmdir full");
        assertThat(run.exitCode()).as("rmdir of a non-empty directory fails the batch").isNotZero();
        assertThat(run.output()).contains("remote rmdir \"/full\": Failure");
        assertThat(exists("/full/file")).isTrue();

        run = sftp("rename does-not-exist other");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).contains("No such file");

        run = sftp("ln full/file hard");
        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).containsIgnoringCase("hardlink");
        assertThat(exists("/hard")).isFalse();
    }

    @Test
    void theRsaHostKeyServesOlderClients() throws Exception {
        List<String> command = new ArrayList<>(List.of("sftp", "-b", "-"));
        command.addAll(sshOptions("-P"));
        command.addAll(List.of("-o", "HostKeyAlgorithms=rsa-sha2-512", "-v", "alice@127.0.0.1"));
        Path batch = Files.writeString(local.resolve("pwd.txt"), "pwd\n");
        command.set(2, batch.toString());
        Processes.Result run = Processes.run(command, local, Map.of(), CLIENT_TIMEOUT);
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("Server host key: ssh-rsa");
    }

    @Test
    void scpUploadsAndDownloadsBothWays() throws Exception {
        byte[] content = Files.readAllBytes(localFile("scp.bin", 300_000, 2));
        for (boolean legacy : new boolean[] {true, false}) {
            String name = legacy ? "legacy.bin" : "modern.bin";
            Processes.Result up = scp(legacy, "scp.bin", "alice@127.0.0.1:" + name);
            assertThat(up.exitCode()).as(up.output()).isZero();
            assertThat(node("/" + name).content().sha256().toBytes()).isEqualTo(sha256(content));

            Processes.Result down = scp(legacy, "alice@127.0.0.1:/" + name, "back-" + name);
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(Files.readAllBytes(local.resolve("back-" + name))).isEqualTo(content);
        }
        Processes.Result escape = scp(true, "scp.bin", "alice@127.0.0.1:../../escaped.bin");
        assertThat(escape.exitCode()).as(escape.output()).isZero();
        assertThat(exists("/escaped.bin")).as("..  stays in the home").isTrue();
    }

    @Test
    void pastTreesAreBrowsedAndDownloadedButNeverWritten() throws Exception {
        Files.writeString(local.resolve("v1.txt"), "first");
        Files.writeString(local.resolve("v2.txt"), "second revision");
        Processes.Result run = sftp("mkdir hist", "put v1.txt hist/doc.txt");
        assertThat(run.exitCode()).as(run.output()).isZero();
        String entry = "@" + server.volume().position();
        run = sftp("put v2.txt hist/doc.txt");
        assertThat(run.exitCode()).as(run.output()).isZero();
        long before = server.volume().position();

        run = sftp("ls -1a", "cd .history", "ls", "cd " + entry + "/hist", "pwd", "ls -l", "get doc.txt old.txt",
                "-put v2.txt doc.txt", "-mkdir made", "-rm doc.txt", "-rename doc.txt /renamed.txt",
                "-chmod 600 doc.txt");
        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).containsPattern("(?m)^hist$").doesNotContainPattern("(?m)^\\.history$")
                .contains(entry, "Remote working directory: /.history/" + entry + "/hist")
                .containsPattern("-rw-r--r-- .* 5 .* doc\\.txt");
        assertThat(run.output().split("Permission denied", -1)).as(run.output()).hasSize(6);
        assertThat(Files.readString(local.resolve("old.txt"))).isEqualTo("first");

        for (boolean legacy : new boolean[] {true, false}) {
            String copy = legacy ? "scp-legacy.txt" : "scp-sftp.txt";
            Processes.Result down = scp(legacy, "alice@127.0.0.1:/.history/" + entry + "/hist/doc.txt", copy);
            assertThat(down.exitCode()).as(down.output()).isZero();
            assertThat(Files.readString(local.resolve(copy))).isEqualTo("first");
            Processes.Result up = scp(legacy, "v2.txt", "alice@127.0.0.1:/.history/" + entry + "/hist/doc.txt");
            assertThat(up.exitCode()).as(up.output()).isNotZero();
        }
        assertThat(server.volume().position()).as("nothing written").isEqualTo(before);
        assertThat(exists("/renamed.txt")).isFalse();
    }
}
