package org.eventvfs.server;

import java.io.PrintWriter;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.eventvfs.domain.VfsException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a command's failure into one line on stderr and exit status 1; the stack trace follows
 * only with {@code --verbose}, since for a user it is noise that hides the one line that matters.
 */
final class FailureReporter implements IExecutionExceptionHandler {
    static final int FAILED = 1;

    private final PrintWriter err;

    FailureReporter(PrintWriter err) {
        this.err = err;
    }

    @Override
    public int handleExecutionException(Exception failure, CommandLine command, ParseResult parsed) {
        err.println("vfs: " + oneLine(failure));
        if (verbose(parsed)) {
            failure.printStackTrace(err);
        }
        err.flush();
        return FAILED;
    }

    /**
     * Our own failures, and the core's refusals of bad input, carry a message written for the
     * user; anything else is named by its type too, because messages such as "Connection refused"
     * or a bare path mean little alone.
     */
    static String oneLine(Throwable failure) {
        Throwable cause = unwrapped(failure);
        String message = cause.getMessage();
        String line = writtenForTheUser(cause) && message != null ? message
                : cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        return line.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    private static boolean writtenForTheUser(Throwable cause) {
        return cause instanceof CommandFailure || cause instanceof ConfigException
                || cause instanceof DataFolderInUse || cause instanceof VfsException
                || cause instanceof AdminApi.BadRequest || cause instanceof AdminApi.NoSuchEndpoint
                || cause instanceof IllegalArgumentException;
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static boolean verbose(ParseResult parsed) {
        ParseResult leaf = parsed;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        return leaf.hasMatchedOption(ConfigOptions.VERBOSE);
    }
}
