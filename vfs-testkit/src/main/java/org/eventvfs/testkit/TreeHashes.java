package org.eventvfs.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsPath;

/**
 * Every file below a folder, by its path relative to the folder, with the hex SHA-256 of its
 * bytes: a local folder and the folder a client synced it to compare with one equals.
 */
public final class TreeHashes {
    private TreeHashes() {
    }

    /** The files below a local folder. */
    public static SortedMap<String, String> of(Path folder) throws IOException {
        SortedMap<String, String> hashes = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                hashes.put(folder.relativize(file).toString(),
                        Sha256.of(Sha256.newDigest().digest(Files.readAllBytes(file))).hex());
            }
        }
        return hashes;
    }

    /** The files below a folder of a volume, read from its projection. */
    public static SortedMap<String, String> of(Volume volume, VfsPath folder) {
        SortedMap<String, String> hashes = new TreeMap<>();
        collect(volume, folder, "", hashes);
        return hashes;
    }

    private static void collect(Volume volume, VfsPath directory, String prefix, SortedMap<String, String> hashes) {
        for (Node child : volume.list(directory).await()) {
            String name = prefix + child.name();
            if (child.isDirectory()) {
                collect(volume, directory.resolve(child.name()), name + "/", hashes);
            } else {
                hashes.put(name, child.content().sha256().hex());
            }
        }
    }
}
