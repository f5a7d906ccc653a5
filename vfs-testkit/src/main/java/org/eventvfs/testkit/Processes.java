package org.eventvfs.testkit;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client program and collects what it printed. */
public final class Processes {
    private static final int LAST_LINES = 200;
    public record Result(int exitCode, String output) {
    }

    private Processes() {
    }

    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws IOException, InterruptedException {
        return run(command, directory, environment, timeout, Path.of("/dev/null"));
    }

    /** Runs {@code command} with {@code input} as its standard input, as a script is fed to a shell. */
    public static Result run(List<String> command, Path directory, Map<String, String> environment, Duration timeout,
                             Path input) throws IOException, InterruptedException {
        Path output = Files.createTempFile(directory, "output-", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(input.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            // The server under test runs in this JVM: where its threads wait tells why the client did.
            System.err.println(command.getFirst() + " did not finish within " + timeout
                    + "; the threads of the test JVM:\n" + threadDump());
            process.destroyForcibly().waitFor();
            throw new AssertionError(command.getFirst() + " did not finish within " + timeout
                    + "; the last lines it printed:\n" + lastLines(Files.readString(output, StandardCharsets.UTF_8)));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        Files.delete(output);
        return new Result(process.exitValue(), printed);
    }

    private static String lastLines(String printed) {
        List<String> lines = printed.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LAST_LINES), lines.size()));
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo thread : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(thread.toString().stripTrailing());
            // ThreadInfo.toString() stops after 8 frames: the rest is where a wait starts.
            StackTraceElement[] frames = thread.getStackTrace();
            for (int i = 8; i < frames.length; i++) {
                dump.append("\n\tat ").append(frames[i]);
            }
            dump.append("\n\n");
        }
        return dump.toString();
    }

    /** Fails the test, saying why, if {@code program} is not installed (.ci/run installs it). */
    public static void requireInstalled(String program) throws IOException, InterruptedException {
        Result which = run(List.of("sh", "-c", "command -v " + program), Path.of(System.getProperty("java.io.tmpdir")),
                Map.of(), Duration.ofSeconds(10));
        if (which.exitCode() != 0) {
            throw new AssertionError(program + " is not installed: apt-get install it (.ci/run does)");
        }
    }
}
