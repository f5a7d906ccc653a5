package org.eventvfs.server;

import java.io.Console;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.util.Map;

/**
 * What a command may use of its process: passed in rather than reached through {@link System},
 * so tests run the real commands with their own variables, streams and stop signal.
 *
 * @param variables the environment variables
 * @param console the terminal to ask for passwords on, or null when there is none
 * @param bytes standard output for bytes, such as a file {@code vfs cat} prints; {@code out} is for text
 */
record CommandEnvironment(Map<String, String> variables, PrintWriter out, PrintWriter err, InputStream in,
                          Console console, StopSignal stopSignal, OutputStream bytes) {
    CommandEnvironment {
        variables = Map.copyOf(variables);
    }

    /** With the process's own standard output for bytes. */
    CommandEnvironment(Map<String, String> variables, PrintWriter out, PrintWriter err, InputStream in,
                       Console console, StopSignal stopSignal) {
        this(variables, out, err, in, console, stopSignal, System.out);
    }

    static CommandEnvironment ofThisProcess() {
        return new CommandEnvironment(System.getenv(), new PrintWriter(System.out, true),
                new PrintWriter(System.err, true), System.in, System.console(), StopSignal.onJvmShutdown());
    }
}
