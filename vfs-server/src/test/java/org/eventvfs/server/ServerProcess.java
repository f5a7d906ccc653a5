package org.eventvfs.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** {@code vfs} run as its own process from the test class path, as a user runs it, and real clients against it. */
final class ServerProcess {
    private ServerProcess() {
    }

    /** Starts {@code vfs run --data DATA ARGS…} and returns once it printed its {@code ready:} line. */
    static Process start(Path data, String... args) throws IOException {
        return start(data, line -> { }, args);
    }

    /** As {@link #start(Path, String...)}, handing each line the server prints after it is ready to {@code log}. */
    static Process start(Path data, Consumer<String> log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("run", "--data", data.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(vfs(command.toArray(String[]::new))).redirectErrorStream(true).start();
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        var in = process.inputReader(StandardCharsets.UTF_8);
        while (System.nanoTime() < deadline) {
            String line = in.readLine();
            if (line == null) {
                break;
            }
            seen.append(line).append('\n');
            if (line.startsWith("ready:")) {
                Thread.ofVirtual().start(() -> in.lines().forEach(log));
                return process;
            }
        }
        process.destroyForcibly();
        throw new AssertionError("the server did not start:\n" + seen);
    }

    /** The command line of {@code vfs ARGS…}. */
    static List<String> vfs(String... args) {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                VfsCommand.class.getName()));
        command.addAll(List.of(args));
        return command;
    }

    /** Runs a command to its end and fails the test, with what it printed, unless it succeeds. */
    static void run(List<String> command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + output).isZero();
    }

    /** An OpenSSH {@code sftp -b} of one batch line as {@code user}, with its output in {@code log}. */
    static Process sftp(int port, Path key, String user, String batchLine, Path log) throws IOException {
        Path batch = Files.writeString(Files.createTempFile(log.getParent(), "batch", ".txt"), batchLine + "\n");
        return new ProcessBuilder("sftp", "-b", batch.toString(), "-P", String.valueOf(port), "-i", key.toString(),
                "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "BatchMode=yes",
                user + "@127.0.0.1").redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
