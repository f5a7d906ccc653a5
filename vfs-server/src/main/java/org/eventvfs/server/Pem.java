package org.eventvfs.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

/** PEM text (RFC 7468) of keys and certificates the server makes for itself. */
final class Pem {
    private Pem() {
    }

    /** {@code -----BEGIN type-----}, the base64 of {@code der} in lines of 64, {@code -----END type-----}. */
    static String encode(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /**
     * Writes a private key into a new file that is 0600 from its creation, never readable by others
     * for a moment; fails with {@link java.nio.file.FileAlreadyExistsException} if it exists.
     */
    static void createPrivate(Path file, String type, byte[] der) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, encode(type, der), StandardCharsets.US_ASCII);
    }
}
