package org.eventvfs.domain;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A SHA-256 digest held as four longs: a value, and 48 bytes instead of a 64-char string. */
public record Sha256(long a, long b, long c, long d) {
    private static final HexFormat HEX = HexFormat.of();

    /** The digest of nothing. */
    public static final Sha256 EMPTY = of(newDigest().digest());

    public static Sha256 of(byte[] digest) {
        if (digest.length != 32) {
            throw new IllegalArgumentException("a SHA-256 digest has 32 bytes, got " + digest.length);
        }
        return new Sha256(longAt(digest, 0), longAt(digest, 8), longAt(digest, 16), longAt(digest, 24));
    }

    /** Parses 64 lower- or upper-case hex digits. */
    @JsonCreator
    public static Sha256 parse(String hex) {
        if (hex == null || hex.length() != 64) {
            throw new IllegalArgumentException("a SHA-256 digest is 64 hex digits");
        }
        return of(HEX.parseHex(hex));
    }

    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public byte[] toBytes() {
        byte[] out = new byte[32];
        putLong(out, 0, a);
        putLong(out, 8, b);
        putLong(out, 16, c);
        putLong(out, 24, d);
        return out;
    }

    @JsonValue
    public String hex() {
        return HEX.formatHex(toBytes());
    }

    @Override
    public String toString() {
        return hex();
    }

    private static long longAt(byte[] bytes, int offset) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (bytes[offset + i] & 0xff);
        }
        return v;
    }

    private static void putLong(byte[] out, int offset, long v) {
        for (int i = 7; i >= 0; i--) {
            out[offset + i] = (byte) v;
            v >>>= 8;
        }
    }
}
