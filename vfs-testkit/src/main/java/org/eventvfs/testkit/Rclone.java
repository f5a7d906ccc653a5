package org.eventvfs.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * rclone with one remote, {@value #REMOTE}, configured by environment variables only (an empty
 * config file, so the user's own is never read), and with retries off so a failure shows at once.
 */
public final class Rclone {
    public static final String REMOTE = "evfs";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    private final Path work;
    private final Map<String, String> environment = new HashMap<>();

    /** {@code remote} holds the remote's options by rclone's name for them, e.g. {@code type} or {@code key_file}. */
    public Rclone(Path work, Map<String, String> remote) throws IOException, InterruptedException {
        Processes.requireInstalled("rclone");
        this.work = work;
        environment.put("RCLONE_CONFIG", Files.createFile(work.resolve("rclone.conf")).toString());
        remote.forEach((option, value) -> environment.put(
                "RCLONE_CONFIG_" + REMOTE.toUpperCase(Locale.ROOT) + "_" + option.toUpperCase(Locale.ROOT), value));
    }

    public Processes.Result run(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("rclone", "--low-level-retries", "1", "--retries", "1"));
        command.addAll(List.of(arguments));
        return Processes.run(command, work, environment, TIMEOUT);
    }

    /** A password as rclone's configuration wants it: obscured by {@code rclone obscure}. */
    public static String obscure(String password) throws IOException, InterruptedException {
        Processes.Result obscured = Processes.run(List.of("rclone", "obscure", password),
                Path.of(System.getProperty("java.io.tmpdir")), Map.of(), Duration.ofSeconds(30));
        if (obscured.exitCode() != 0) {
            throw new AssertionError("rclone obscure failed: " + obscured.output());
        }
        return obscured.output().strip();
    }
}
