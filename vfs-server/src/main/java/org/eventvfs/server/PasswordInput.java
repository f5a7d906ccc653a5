package org.eventvfs.server;

import org.eventvfs.PasswordHasher;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a new password, from the first line of standard input or twice from the terminal, and
 * hashes it here: the clear password never leaves this process.
 */
final class PasswordInput {
    private PasswordInput() {
    }

    /** The hash of the password read as {@code fromStdin} says. */
    static String readHash(CommandEnvironment environment, boolean fromStdin, String user) {
        char[] password = fromStdin ? fromStdin(environment) : fromTerminal(environment, user);
        try {
            return PasswordHasher.hash(password);
        } finally {
            erase(password);
        }
    }

    private static void erase(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }

    private static char[] fromStdin(CommandEnvironment environment) {
        String line;
        try {
            line = new BufferedReader(new InputStreamReader(environment.in(), StandardCharsets.UTF_8)).readLine();
        } catch (IOException e) {
            throw new CommandFailure("cannot read the password from standard input: " + e.getMessage(), e);
        }
        if (line == null || line.isEmpty()) {
            throw new CommandFailure("no password on standard input (--password-stdin reads its first line)");
        }
        return line.toCharArray();
    }

    private static char[] fromTerminal(CommandEnvironment environment, String user) {
        if (environment.console() == null) {
            throw new CommandFailure("no terminal to ask for " + user + "'s password on; "
                    + "pipe it in with --password-stdin, or give SSH keys with --key FILE");
        }
        char[] first = environment.console().readPassword("Password for %s: ", user);
        char[] second = environment.console().readPassword("Again: ");
        try {
            if (first == null || first.length == 0) {
                throw new CommandFailure("no password given");
            }
            if (!Arrays.equals(first, second)) {
                throw new CommandFailure("the two passwords differ; nothing was changed");
            }
            return first.clone();
        } finally {
            erase(first);
            erase(second);
        }
    }
}
