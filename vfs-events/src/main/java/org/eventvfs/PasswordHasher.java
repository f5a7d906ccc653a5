package org.eventvfs;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.SecureString;
import com.password4j.types.Argon2;
import java.util.regex.Pattern;

/**
 * Account passwords as Argon2id hashes in PHC string form ({@code $argon2id$v=19$m=…,t=…,p=…$salt$hash}),
 * the only form in which a password is sent to the server or stored. Hashing and checking take
 * about a tenth of a second and 64 MiB on purpose: call them off the event loop.
 */
public final class PasswordHasher {
    /** RFC 9106 section 4, the second recommended option: 64 MiB, 3 passes, 4 lanes, 128-bit salt. */
    private static final int MEMORY_KIB = 64 * 1024;
    private static final int ITERATIONS = 3;
    private static final int PARALLELISM = 4;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;
    private static final Argon2Function ARGON2ID = Argon2Function.getInstance(MEMORY_KIB, ITERATIONS, PARALLELISM,
            HASH_BYTES, Argon2.ID, Argon2Function.ARGON2_VERSION_13);
    private static final Pattern PHC_ARGON2ID = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=\\d{1,8},t=\\d{1,4},p=\\d{1,3}\\$[A-Za-z0-9+/]{16,}\\$[A-Za-z0-9+/]{16,}");

    private PasswordHasher() {
    }

    /** A new salted hash of {@code password}. */
    public static String hash(char[] password) {
        return Password.hash(new SecureString(password)).addRandomSalt(SALT_BYTES).with(ARGON2ID).getResult();
    }

    /** True if {@code password} is the one {@code hash} was made from; false for a malformed hash too. */
    public static boolean verify(char[] password, String hash) {
        if (hash == null || !PHC_ARGON2ID.matcher(hash).matches()) {
            return false;
        }
        return Password.check(new SecureString(password), hash).with(Argon2Function.getInstanceFromHash(hash));
    }

    /**
     * Refuses anything but an Argon2id PHC string, so that a password sent in clear by mistake is
     * rejected instead of stored. Null (no password) passes.
     */
    public static String requireHash(String hash) {
        if (hash != null && !PHC_ARGON2ID.matcher(hash).matches()) {
            throw new IllegalArgumentException("passwordHash must be an Argon2id hash in PHC string form "
                    + "($argon2id$v=19$m=…,t=…,p=…$salt$hash), never a password in clear");
        }
        return hash;
    }
}
