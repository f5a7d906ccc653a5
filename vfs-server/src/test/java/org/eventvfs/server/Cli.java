package org.eventvfs.server;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs {@code vfs} command lines in this JVM with their own environment, stdin and captured output. */
final class Cli {
    private final Map<String, String> variables;

    Cli(Map<String, String> variables) {
        this.variables = variables;
    }

    Cli() {
        this(Map.of());
    }

    /** @param bytes what the command wrote to standard output as bytes ({@code vfs cat}) */
    record Result(int status, String out, String err, byte[] bytes) {
    }

    Result run(String... args) {
        return runWithStdin("", args);
    }

    Result runWithStdin(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CommandEnvironment environment = environment(stdin, out, err, StopSignal.onRequest());
        int status = VfsCommand.execute(new CommandEnvironment(environment.variables(), environment.out(),
                environment.err(), environment.in(), environment.console(), environment.stopSignal(), bytes), args);
        return new Result(status, out.toString(), err.toString(), bytes.toByteArray());
    }

    CommandEnvironment environment(String stdin, Writer out, Writer err, StopSignal stop) {
        return new CommandEnvironment(variables, new PrintWriter(out, true), new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), null, stop);
    }
}
