package org.eventvfs.storage.s3;

import java.util.concurrent.CompletionException;
import org.eventvfs.domain.VfsException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/** The one table from the SDK's failures to the core's errors. */
final class S3Errors {
    static final int NOT_FOUND = 404;
    static final int PRECONDITION_FAILED = 412;
    static final int RANGE_NOT_SATISFIABLE = 416;

    private S3Errors() {
    }

    /** The S3 status of a failure, 0 if the service did not answer one (time-out, reset, …). */
    static int status(Throwable failure) {
        return unwrapped(failure) instanceof AwsServiceException service ? service.statusCode() : 0;
    }

    /** What the core sees: NotFound for a missing block, Unavailable for the rest (after retries). */
    static Throwable mapped(String what, Throwable failure) {
        Throwable cause = unwrapped(failure);
        if (cause instanceof VfsException || cause instanceof IllegalArgumentException) {
            return cause;
        }
        if (status(cause) == NOT_FOUND) {
            return new VfsException.NotFound(what + ": not stored");
        }
        return new VfsException.Unavailable("cannot " + what + " in S3: " + message(cause), cause);
    }

    private static String message(Throwable cause) {
        if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return service.statusCode() + " " + service.awsErrorDetails().errorCode() + " "
                    + service.awsErrorDetails().errorMessage();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static Throwable unwrapped(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
