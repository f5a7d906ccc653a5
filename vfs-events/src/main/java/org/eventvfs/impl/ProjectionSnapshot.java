package org.eventvfs.impl;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.eventvfs.domain.BlockRef;
import org.eventvfs.domain.Content;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.Sha256;
import org.eventvfs.spi.StreamHead;

/**
 * A projection with all its versions up to one position, in a compact binary file, so a restart
 * reads the snapshot and replays only the events after it. A snapshot is a cache: it is checked
 * against the log's hash at its position and ignored if they differ, so it can never change what
 * the log says.
 */
final class ProjectionSnapshot {
    private static final int MAGIC = 0x45565350; // "EVSP"
    /** 2 added the timeline; a snapshot of another format is ignored and the log replayed. */
    private static final int FORMAT = 2;


    /** What a snapshot file holds besides the versions. */
    record Header(String stream, StreamHead head) {
    }

    record Loaded(Header header, TreeProjection projection, Map<UUID, Long> commands) {
    }

    private ProjectionSnapshot() {
    }

    /** Writes {@code projection} as of {@code head.position()} to {@code file}, atomically. */
    static void write(Path file, String stream, StreamHead head, TreeProjection projection,
                      Map<UUID, Long> commands) throws IOException {
        Files.createDirectories(file.getParent());
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        long position = head.position();
        try (OutputStream fileOut = Files.newOutputStream(temp);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(fileOut, 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            writeString(out, stream);
            out.writeLong(position);
            writeSha(out, head.hash());
            out.writeInt(commands.size());
            for (Map.Entry<UUID, Long> c : commands.entrySet()) {
                out.writeLong(c.getKey().getMostSignificantBits());
                out.writeLong(c.getKey().getLeastSignificantBits());
                out.writeLong(c.getValue());
            }
            writeNodes(out, projection, position);
            writeEntries(out, projection, position);
            writeTimeline(out, projection.timeline, position);
            out.writeInt(MAGIC);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    static Loaded read(Path file) throws IOException {
        try (InputStream fileIn = Files.newInputStream(file);
             DataInputStream in = new DataInputStream(new BufferedInputStream(fileIn, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IOException(file + " is not an eventvfs snapshot of format " + FORMAT);
            }
            Header header = new Header(readString(in), new StreamHead(in.readLong(), readSha(in)));
            Map<UUID, Long> commands = new HashMap<>();
            for (int i = in.readInt(); i > 0; i--) {
                commands.put(new UUID(in.readLong(), in.readLong()), in.readLong());
            }
            TreeProjection projection = new TreeProjection();
            readNodes(in, projection);
            readEntries(in, projection);
            readTimeline(in, projection.timeline);
            if (in.readInt() != MAGIC) {
                throw new IOException(file + " is truncated");
            }
            long nextNodeId = projection.nodes.keySet().stream().mapToLong(Long::longValue).max().orElse(1) + 1;
            projection.restored(header.head().position(), nextNodeId);
            return new Loaded(header, projection, commands);
        }
    }

    private static void writeNodes(DataOutputStream out, TreeProjection projection, long position)
            throws IOException {
        List<Map.Entry<Long, Versions<Node>>> all = new ArrayList<>(projection.nodes.entrySet());
        out.writeInt(all.size());
        for (Map.Entry<Long, Versions<Node>> e : all) {
            out.writeLong(e.getKey());
            List<Versions<Node>> links = oldestFirst(e.getValue(), position);
            out.writeInt(links.size());
            for (Versions<Node> link : links) {
                out.writeLong(link.from());
                out.writeBoolean(link.value() != null);
                if (link.value() != null) {
                    writeNode(out, link.value());
                }
            }
        }
    }

    private static void readNodes(DataInputStream in, TreeProjection projection) throws IOException {
        for (int n = in.readInt(); n > 0; n--) {
            long id = in.readLong();
            Versions<Node> chain = null;
            for (int links = in.readInt(); links > 0; links--) {
                long from = in.readLong();
                chain = new Versions<>(from, in.readBoolean() ? readNode(in) : null, chain);
            }
            if (chain != null) {
                projection.nodes.put(id, chain);
            }
        }
    }

    private static void writeEntries(DataOutputStream out, TreeProjection projection, long position)
            throws IOException {
        List<Map.Entry<Long, ConcurrentHashMap<String, Versions<Long>>>> dirs =
                new ArrayList<>(projection.entries.entrySet());
        out.writeInt(dirs.size());
        for (Map.Entry<Long, ConcurrentHashMap<String, Versions<Long>>> dir : dirs) {
            out.writeLong(dir.getKey());
            List<Map.Entry<String, Versions<Long>>> names = new ArrayList<>(dir.getValue().entrySet());
            out.writeInt(names.size());
            for (Map.Entry<String, Versions<Long>> name : names) {
                writeString(out, name.getKey());
                List<Versions<Long>> links = oldestFirst(name.getValue(), position);
                out.writeInt(links.size());
                for (Versions<Long> link : links) {
                    out.writeLong(link.from());
                    out.writeLong(link.value() == null ? 0 : link.value());
                }
            }
        }
    }

    private static void readEntries(DataInputStream in, TreeProjection projection) throws IOException {
        for (int dirs = in.readInt(); dirs > 0; dirs--) {
            long dirId = in.readLong();
            int count = in.readInt();
            ConcurrentHashMap<String, Versions<Long>> names = new ConcurrentHashMap<>(Math.max(4, count * 4 / 3));
            for (int n = count; n > 0; n--) {
                String name = readString(in);
                Versions<Long> chain = null;
                for (int links = in.readInt(); links > 0; links--) {
                    long from = in.readLong();
                    long child = in.readLong();
                    chain = new Versions<>(from, child == 0 ? null : child, chain);
                }
                if (chain != null) {
                    names.put(name, chain);
                }
            }
            projection.entries.put(dirId, names);
        }
    }

    private static void writeTimeline(DataOutputStream out, Timeline timeline, long position) throws IOException {
        long[][] runs = timeline.runs();
        int count = 0;
        while (count < runs[0].length && runs[0][count] <= position) {
            count++;
        }
        out.writeInt(count);
        for (int i = 0; i < count; i++) {
            out.writeLong(runs[0][i]);
            out.writeLong(runs[1][i]);
        }
    }

    private static void readTimeline(DataInputStream in, Timeline timeline) throws IOException {
        for (int runs = in.readInt(); runs > 0; runs--) {
            timeline.record(in.readLong(), in.readLong());
        }
    }

    private static <T> List<Versions<T>> oldestFirst(Versions<T> chain, long position) {
        List<Versions<T>> links = new ArrayList<>(2);
        for (Versions<T> v = chain == null ? null : chain.upTo(position); v != null; v = v.older()) {
            links.add(v);
        }
        return links.reversed();
    }

    private static void writeNode(DataOutputStream out, Node node) throws IOException {
        out.writeLong(node.id());
        out.writeLong(node.parentId());
        writeString(out, node.name());
        out.writeByte(node.kind().ordinal());
        out.writeInt(node.mode());
        writeString(out, node.owner());
        out.writeLong(node.created());
        out.writeLong(node.modified());
        out.writeBoolean(node.content() != null);
        if (node.content() != null) {
            writeContent(out, node.content());
        }
        out.writeBoolean(node.target() != null);
        if (node.target() != null) {
            writeString(out, node.target());
        }
        out.writeInt(node.properties().size());
        for (Map.Entry<String, String> p : node.properties().entrySet()) {
            writeString(out, p.getKey());
            writeString(out, p.getValue());
        }
    }

    private static Node readNode(DataInputStream in) throws IOException {
        long id = in.readLong();
        long parentId = in.readLong();
        String name = readString(in);
        NodeKind kind = NodeKind.values()[in.readByte()];
        int mode = in.readInt();
        String owner = readString(in).intern();
        long created = in.readLong();
        long modified = in.readLong();
        Content content = in.readBoolean() ? readContent(in) : null;
        String target = in.readBoolean() ? readString(in) : null;
        Map<String, String> properties = new HashMap<>();
        for (int n = in.readInt(); n > 0; n--) {
            properties.put(readString(in), readString(in));
        }
        return new Node(id, parentId, name, kind, mode, owner, created, modified, content, target, properties);
    }

    private static void writeContent(DataOutputStream out, Content content) throws IOException {
        out.writeLong(content.size());
        writeSha(out, content.sha256());
        out.writeInt(content.blocks().size());
        for (BlockRef block : content.blocks()) {
            writeSha(out, block.hash());
            out.writeInt(block.size());
        }
    }

    private static Content readContent(DataInputStream in) throws IOException {
        long size = in.readLong();
        Sha256 sha = readSha(in);
        int count = in.readInt();
        List<BlockRef> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            blocks.add(new BlockRef(readSha(in), in.readInt()));
        }
        return size == 0 && count == 0 && sha.equals(Content.EMPTY.sha256()) ? Content.EMPTY
                : new Content(size, sha, blocks);
    }

    private static void writeSha(DataOutputStream out, Sha256 sha) throws IOException {
        out.writeLong(sha.a());
        out.writeLong(sha.b());
        out.writeLong(sha.c());
        out.writeLong(sha.d());
    }

    private static Sha256 readSha(DataInputStream in) throws IOException {
        return new Sha256(in.readLong(), in.readLong(), in.readLong(), in.readLong());
    }

    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String readString(DataInputStream in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
