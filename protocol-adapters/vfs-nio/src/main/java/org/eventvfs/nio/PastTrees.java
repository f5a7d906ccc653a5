package org.eventvfs.nio;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventvfs.HistoryFolder;
import org.eventvfs.Volume;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.NodeKind;
import org.eventvfs.domain.VfsException;
import org.eventvfs.domain.VfsPath;

/**
 * The read-only history folder at the root of a home ({@link HistoryFolder}): {@code .history/@p/…}
 * is the home as it was at position {@code p}, read with the links of that past tree.
 *
 * <p>The folder is not a node: it is not listed in the home, as NetApp's {@code .snapshot} or ZFS's
 * hidden {@code .zfs}, so that a client mirroring a home does not download every past tree, but it
 * is there by name. A real node of the same name in the home at the head wins, so it never hides
 * a user's file. Paths inside it arrive from the head's resolution with {@code ..} already taken
 * by name (names past a missing node are not looked up); SFTP and FTP clients send paths
 * normalised that way anyway.
 */
final class PastTrees {
    /** r-x for all: nothing in the folder can be changed. */
    static final int FOLDER_MODE = 0555;
    private static final long FOLDER_ID = -1;

    private final Volume volume;
    private final VfsPath home;
    private final String name;

    /** @param name the folder's name, or empty for no folder */
    PastTrees(Volume volume, VfsPath home, String name) {
        this.volume = volume;
        this.home = home;
        this.name = name;
    }

    /** True if {@code resolved}, a path resolved at the head, is the folder or inside it. */
    boolean contains(VfsPath resolved) {
        return !name.isEmpty() && resolved.depth() > home.depth() && resolved.startsWith(home)
                && resolved.name(home.depth()).equals(name) && stat(home.resolve(name), Volume.HEAD) == null;
    }

    /** The place a path the folder {@link #contains} leads to; an entry it does not accept is no file. */
    Place place(VfsPath resolved, Links links, Path shown) throws IOException {
        List<String> names = resolved.relativize(home).names();
        if (names.size() == 1) {
            return new Place.Folder(resolved);
        }
        HistoryFolder.Entry entry = HistoryFolder.resolve(volume, names.get(1));
        if (entry == null) {
            throw new NoSuchFileException(shown.toString(), null, "no such point in the history folder");
        }
        VfsPath past = NioErrors.resolved(volume.resolve(home, names.subList(2, names.size()),
                links == Links.FOLLOW, entry.position()), shown);
        return new Place.Past(entry, past);
    }

    /** The node at a place in the folder, or NoSuchFileException. */
    Node node(Place place, Path shown) throws IOException {
        return switch (place) {
            case Place.Folder f -> folder(name, FOLDER_ID, volume.timeOf(volume.position()), owner());
            case Place.Past p when p.path().equals(home) -> entry(p.entry(), owner());
            case Place.Past p -> {
                Node node = stat(p.path(), p.asOf());
                if (node == null) {
                    throw new NoSuchFileException(shown.toString());
                }
                yield node;
            }
            case Place.Live l -> throw new IllegalArgumentException("not in the history folder: " + l.path());
        };
    }

    /** The children of a directory in the folder, sorted by name except the folder's own entries. */
    List<Node> list(Place place, Path shown) throws IOException {
        if (place instanceof Place.Folder) {
            List<Node> entries = new ArrayList<>();
            String owner = owner();
            for (HistoryFolder.Entry entry : HistoryFolder.entries(volume)) {
                entries.add(entry(entry, owner));
            }
            return entries;
        }
        try {
            return volume.list(place.path(), place.asOf()).await();
        } catch (VfsException.NotFound e) {
            if (place.path().equals(home)) {
                // The home did not exist yet: the entry is an empty folder.
                return List.of();
            }
            throw new NoSuchFileException(shown.toString());
        } catch (VfsException.NotADirectory e) {
            throw new NotDirectoryException(shown.toString());
        }
    }

    /** The names a place in the folder has for its user, from the home. */
    List<String> userNames(Place place) {
        List<String> names = new ArrayList<>(List.of(name));
        if (place instanceof Place.Past past) {
            names.add(past.entry().name());
            names.addAll(past.path().relativize(home).names());
        }
        return names;
    }

    private Node entry(HistoryFolder.Entry entry, String owner) {
        // Distinct ids per position, so that a walk never takes two past trees for one folder.
        return folder(entry.name(), FOLDER_ID - 1 - entry.position(), entry.time(), owner);
    }

    /** The folder and its entries belong to the home's owner. */
    private String owner() {
        Node homeNode = stat(home, Volume.HEAD);
        return homeNode == null ? "root" : homeNode.owner();
    }

    private static Node folder(String folderName, long id, long time, String owner) {
        long modified = Math.max(time, 0);
        return new Node(id, FOLDER_ID, folderName, NodeKind.DIRECTORY, FOLDER_MODE, owner, modified, modified,
                null, null, Map.of());
    }

    private Node stat(VfsPath path, long asOf) {
        try {
            return volume.stat(path, asOf).await();
        } catch (VfsException.NotFound e) {
            return null;
        }
    }
}
