package org.eventvfs.httpapi;

/** A request answered with an error status and the JSON body {@code {"error": code, "message": …}}. */
final class ApiException extends RuntimeException {
    private final int status;
    private final String code;

    ApiException(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }
}
