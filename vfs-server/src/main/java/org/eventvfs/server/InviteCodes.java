package org.eventvfs.server;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import org.eventvfs.domain.Sha256;

/**
 * One-time invite codes: 160 random bits in base32 (no 0/1/8/9, so nothing reads as O, I, B or g),
 * shown in groups of four. Only a code's SHA-256 is stored; a code is matched by that hash, so
 * the log and the database never hold one that still works.
 */
final class InviteCodes {
    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final int RANDOM_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private InviteCodes() {
    }

    /** A new code such as {@code K7QZ-M2XA-…}, 32 characters in 8 groups. */
    static String newCode() {
        byte[] random = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(random);
        StringBuilder code = new StringBuilder();
        int buffer = 0;
        int bits = 0;
        for (byte b : random) {
            buffer = buffer << 8 | b & 0xff;
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                if (!code.isEmpty() && code.length() % 5 == 4) {
                    code.append('-');
                }
                code.append(ALPHABET[buffer >> bits & 31]);
            }
        }
        return code.toString();
    }

    /** The stored form of a code as typed: case, spaces and dashes do not matter. */
    static String hash(String code) {
        String normal = code.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        return Sha256.of(Sha256.newDigest().digest(normal.getBytes(StandardCharsets.US_ASCII))).hex();
    }
}
