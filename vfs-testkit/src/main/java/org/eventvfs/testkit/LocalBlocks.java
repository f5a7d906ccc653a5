package org.eventvfs.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The blocks of an embedded (storage-local) blob folder, found by the layout in docs/blobs.md
 * rather than by the code under test: block files named by their hash, and records in pack files.
 * For tests that count, lose or damage blocks behind the store's back.
 */
public final class LocalBlocks {
    private static final int MAGIC = 0x56504B31;
    private static final int HEADER = 52;

    private LocalBlocks() {
    }

    /** A block in a pack: its hash in hex, the pack, and where its body starts and how long it is. */
    private record Packed(String hex, Path pack, long offset, long body, int length) {
    }

    /** How many blocks the folder holds, as files and packed, less those deleted. */
    public static long count(Path blobs) {
        return blockFiles(blobs).size() + packed(blobs).size();
    }

    /** The hashes, in hex, of every block the folder holds. */
    public static List<String> hashes(Path blobs) {
        List<String> hashes = new ArrayList<>(blockFiles(blobs).stream().map(f -> f.getFileName().toString()).toList());
        packed(blobs).forEach(p -> hashes.add(p.hex()));
        return hashes;
    }

    /** Flips one bit of the block's byte at {@code at}, in its file or its pack. */
    public static void damage(Path blobs, String hex, int at) {
        try {
            for (Path file : blockFiles(blobs)) {
                if (file.getFileName().toString().equals(hex)) {
                    flip(file, at);
                    return;
                }
            }
            Packed block = find(blobs, hex);
            flip(block.pack(), block.body() + at);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loses one block while no store has the folder open: its file is deleted, or its record marked dead. */
    public static void lose(Path blobs, String hex) {
        try {
            for (Path file : blockFiles(blobs)) {
                if (file.getFileName().toString().equals(hex)) {
                    Files.delete(file);
                    return;
                }
            }
            Packed block = find(blobs, hex);
            Files.write(deadList(block.pack()), ByteBuffer.allocate(Long.BYTES).putLong(block.offset()).array(),
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes every block unreadable, also to a store that has the folder open: block files are
     * deleted, and packs cut to nothing (which, unlike deleting them, reaches open files too).
     */
    public static void loseAll(Path blobs) {
        try {
            for (Path file : blockFiles(blobs)) {
                Files.delete(file);
            }
            for (Path pack : packs(blobs)) {
                try (FileChannel channel = FileChannel.open(pack, StandardOpenOption.WRITE)) {
                    channel.truncate(0);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Packed find(Path blobs, String hex) {
        return packed(blobs).stream().filter(p -> p.hex().equals(hex)).reduce((first, later) -> later)
                .orElseThrow(() -> new IllegalArgumentException("no block " + hex + " in " + blobs));
    }

    private static void flip(Path file, long at) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer one = ByteBuffer.allocate(1);
            channel.read(one, at);
            one.put(0, (byte) (one.get(0) ^ 0x40)).rewind();
            channel.write(one, at);
        }
    }

    private static List<Path> blockFiles(Path blobs) {
        if (!Files.isDirectory(blobs)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(blobs)) {
            return files.filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> packs(Path blobs) {
        Path folder = blobs.resolve("packs");
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".pack")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The live records of every pack, oldest first, each hash once (its last record). */
    private static List<Packed> packed(Path blobs) {
        List<Packed> records = new ArrayList<>();
        try {
            for (Path pack : packs(blobs)) {
                Set<Long> dead = deadOffsets(pack);
                ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(pack));
                for (int at = 0; at + HEADER <= bytes.limit() && bytes.getInt(at) == MAGIC; ) {
                    int length = bytes.getInt(at + 4);
                    byte[] hash = new byte[32];
                    bytes.get(at + 16, hash);
                    String hex = HexFormat.of().formatHex(hash);
                    records.removeIf(p -> p.hex().equals(hex));
                    if (!dead.contains((long) at)) {
                        records.add(new Packed(hex, pack, at, at + HEADER, length));
                    }
                    at += HEADER + length;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return records;
    }

    private static Set<Long> deadOffsets(Path pack) throws IOException {
        Path list = deadList(pack);
        Set<Long> offsets = new HashSet<>();
        if (Files.exists(list)) {
            ByteBuffer entries = ByteBuffer.wrap(Files.readAllBytes(list));
            while (entries.remaining() >= Long.BYTES) {
                offsets.add(entries.getLong());
            }
        }
        return offsets;
    }

    private static Path deadList(Path pack) {
        String name = pack.getFileName().toString();
        return pack.resolveSibling(name.substring(0, name.length() - ".pack".length()) + ".dead");
    }
}
