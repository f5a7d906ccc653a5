package org.eventvfs.sftp;

import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.DirEntry;
import org.apache.sshd.sftp.common.SftpException;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.Sha256;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * A whole tree as lines of text, one per path: kind, mode, size, modification second, and a
 * file's SHA-256 or a link's target and what it leads to. Read over SFTP, or from the volume's
 * projection as of a position (the oracle), so that the two compare with one equals.
 */
final class HistoryTrees {
    private HistoryTrees() {
    }

    /** The tree under {@code directory} as an SFTP client reads it: readdir, lstat, read, readlink, stat. */
    static SortedMap<String, String> overSftp(SftpClient sftp, String directory) throws IOException {
        SortedMap<String, String> tree = new TreeMap<>();
        walk(sftp, directory, "", tree);
        return tree;
    }

    private static void walk(SftpClient sftp, String base, String relative, SortedMap<String, String> tree)
            throws IOException {
        for (DirEntry entry : sftp.readDir(base + relative)) {
            if (entry.getFilename().equals(".") || entry.getFilename().equals("..")) {
                continue;
            }
            String path = relative + "/" + entry.getFilename();
            Attributes listed = entry.getAttributes();
            String line = line(listed);
            String statted = line(sftp.lstat(base + path));
            if (!statted.equals(line)) {
                throw new AssertionError(path + ": readdir says " + line + ", lstat says " + statted);
            }
            if (listed.isRegularFile()) {
                try (InputStream in = sftp.read(base + path)) {
                    line += " " + sha256(in.readAllBytes());
                }
            } else if (listed.isSymbolicLink()) {
                line += " -> " + sftp.readLink(base + path) + " leads to " + followed(sftp, base + path);
            }
            tree.put(path, line);
            if (listed.isDirectory()) {
                walk(sftp, base, path, tree);
            }
        }
    }

    private static String followed(SftpClient sftp, String path) throws IOException {
        try {
            Attributes target = sftp.stat(path);
            if (!target.isDirectory() && !target.isRegularFile()) {
                // A loop: SSHD answers a stat with what attributes it could read, not with an error.
                return "nothing";
            }
            return kind(target.isDirectory(), target.isRegularFile()) + " " + target.getSize();
        } catch (SftpException unreachable) {
            return "nothing";
        }
    }

    /** The tree under {@code home} as of {@code position}, from the projection and the blob store. */
    static SortedMap<String, String> inVolume(Volume volume, VfsPath home, long position) {
        SortedMap<String, String> tree = new TreeMap<>();
        walk(volume, home, home, position, tree);
        return tree;
    }

    private static void walk(Volume volume, VfsPath home, VfsPath directory, long position,
                             SortedMap<String, String> tree) {
        List<Node> children;
        try {
            children = volume.list(directory, position).await();
        } catch (VfsException.NotFound e) {
            return;
        }
        for (Node node : children) {
            VfsPath path = directory.resolve(node.name());
            String line = kind(node.isDirectory(), node.isFile()) + " " + Integer.toOctalString(node.mode() & 07777)
                    + " " + node.size() + " " + node.modified() / 1000;
            if (node.isFile()) {
                line += " " + sha256(volume.read(node.content(), 0, (int) node.size()).await().getBytes());
            } else if (node.isSymlink()) {
                line += " -> " + node.target() + " leads to " + followed(volume, home, path, position);
            }
            tree.put("/" + String.join("/", path.relativize(home).names()), line);
            if (node.isDirectory()) {
                walk(volume, home, path, position, tree);
            }
        }
    }

    private static String followed(Volume volume, VfsPath home, VfsPath link, long position) {
        try {
            VfsPath target = volume.resolve(home, link.relativize(home).names(), true, position).await();
            Node node = volume.stat(target, position).await();
            return kind(node.isDirectory(), node.isFile()) + " " + node.size();
        } catch (VfsException unreachable) {
            return "nothing";
        }
    }

    private static String line(Attributes attributes) {
        return kind(attributes.isDirectory(), attributes.isRegularFile()) + " "
                + Integer.toOctalString(attributes.getPermissions() & 07777) + " " + attributes.getSize() + " "
                + attributes.getModifyTime().toMillis() / 1000;
    }

    private static String kind(boolean directory, boolean file) {
        return directory ? "dir" : file ? "file" : "link";
    }

    private static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(Sha256.newDigest().digest(bytes));
    }
}
