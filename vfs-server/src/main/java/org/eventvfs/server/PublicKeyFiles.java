package org.eventvfs.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * SSH public keys read from files in OpenSSH one-line form ({@code id_ed25519.pub}, or an
 * {@code authorized_keys} without options): one key a line, blank lines and {@code #} comments skipped.
 */
final class PublicKeyFiles {
    private static final Pattern PUBLIC_KEY = Pattern.compile("(ssh|ecdsa|sk)-[A-Za-z0-9@.-]+ [A-Za-z0-9+/]+=*( .*)?");

    private PublicKeyFiles() {
    }

    /** A key given as text (the join page, the admin API): one OpenSSH public key line, or BadRequest. */
    static String requireKey(String line) {
        String key = line == null ? "" : line.strip();
        if (!PUBLIC_KEY.matcher(key).matches()) {
            throw new AdminApi.BadRequest("not an OpenSSH public key (expected e.g. 'ssh-ed25519 AAAAC3Nza… "
                    + "alice@laptop', the one line of a .pub file)");
        }
        return key;
    }

    static List<String> read(List<Path> files) {
        List<String> keys = new ArrayList<>();
        for (Path file : files) {
            int before = keys.size();
            readInto(file, keys);
            if (keys.size() == before) {
                throw new CommandFailure(file + ": no public key in it");
            }
        }
        return keys;
    }

    private static void readInto(Path file, List<String> keys) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new CommandFailure(file + ": cannot be read: " + FailureReporter.oneLine(e), e);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("-----BEGIN")) {
                throw new CommandFailure(file + " is a private key; give the public one (" + file.getFileName()
                        + ".pub)");
            }
            if (!PUBLIC_KEY.matcher(line).matches()) {
                throw new CommandFailure(file + ":" + (i + 1) + ": not an OpenSSH public key "
                        + "(expected e.g. 'ssh-ed25519 AAAAC3Nza… alice@laptop')");
            }
            keys.add(line);
        }
    }
}
