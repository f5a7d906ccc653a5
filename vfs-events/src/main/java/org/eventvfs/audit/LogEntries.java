package org.eventvfs.audit;

import java.time.Instant;
import org.eventvfs.Volume;
import org.eventvfs.domain.AccountEvent;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.VfsPath;
import org.eventvfs.domain.VolumeEvent;

/**
 * Turns a volume's events into {@link LogEntry}s. Events name nodes by id; the paths come from the
 * projection as of the event's position, or the one before for what a removal or move left.
 */
final class LogEntries {
    private LogEntries() {
    }

    /** An account-stream event: no path, the user it is about and what changed in its details. */
    static LogEntry ofAccount(EventEnvelope envelope) {
        AccountEvent event = (AccountEvent) envelope.payload();
        String change = switch (event) {
            case AccountEvent.UserAdded a -> access(a.volume(), a.home(), a.readOnly())
                    + (a.passwordHash() != null ? " password" : "") + " keys=" + a.keys().size();
            case AccountEvent.UserInvited i -> access(i.volume(), i.home(), i.readOnly()) + " expires="
                    + Instant.ofEpochMilli(i.expiresAt());
            case AccountEvent.AccessChanged a -> access(a.volume(), a.home(), a.readOnly());
            case AccountEvent.KeysChanged k -> "keys=" + k.keys().size();
            case AccountEvent.InviteRedeemed r -> (r.passwordHash() != null ? "password " : "") + "keys="
                    + r.keys().size();
            case AccountEvent.AdminChanged a -> "admin=" + (a.admin() ? "yes" : "no");
            case AccountEvent.SessionsEnded e -> "sessions=" + String.join(",", e.sessions());
            case AccountEvent.BlocksCollected c -> "deleted=" + c.deleted()
                    + (c.keepDays() == null ? "" : " keep-days=" + c.keepDays());
            case AccountEvent.PasswordChanged p -> "";
            case AccountEvent.UserDisabled d -> "";
            case AccountEvent.UserEnabled e -> "";
            case AccountEvent.UserRemoved r -> "";
        };
        return new LogEntry(envelope.position(), Instant.ofEpochMilli(envelope.timestamp()).toString(),
                envelope.actor(), envelope.type(), null, null, Details.account(event.name(), change));
    }

    private static String access(String volume, String home, boolean readOnly) {
        return "volume=" + volume + " home=" + home + (readOnly ? " read-only" : "");
    }

    static LogEntry of(Volume volume, EventEnvelope envelope) {
        long p = envelope.position();
        VolumeEvent event = (VolumeEvent) envelope.payload();
        String path = null;
        String toPath = null;
        Details details = Details.NONE;
        switch (event) {
            case VolumeEvent.DirectoryCreated d -> {
                path = path(volume, d.nodeId(), p);
                details = Details.created(d.mode(), d.owner());
            }
            case VolumeEvent.FileCreated f -> {
                path = path(volume, f.nodeId(), p);
                details = Details.created(f.mode(), f.owner());
            }
            case VolumeEvent.ContentCommitted c -> {
                path = path(volume, c.nodeId(), p);
                details = Details.content(c.content());
            }
            case VolumeEvent.SymlinkCreated s -> {
                path = path(volume, s.nodeId(), p);
                details = Details.link(s.target(), s.owner());
            }
            case VolumeEvent.NodeMoved m -> {
                path = path(volume, m.nodeId(), p - 1);
                toPath = path(volume, m.nodeId(), p);
            }
            case VolumeEvent.NodeRemoved r -> path = path(volume, r.nodeId(), p - 1);
            case VolumeEvent.AttributesChanged a -> {
                path = path(volume, a.nodeId(), p);
                details = Details.attributes(a.mode(), a.owner(), a.modified());
            }
            case VolumeEvent.PropertiesChanged pc -> path = path(volume, pc.nodeId(), p);
            case VolumeEvent.UploadAborted u -> {
                path = entryPath(volume, u.parentId(), u.name(), p);
                details = Details.aborted(u.received(), u.reason());
            }
            case VolumeEvent.TreeRestored r -> {
                path = r.parentId() == 0 ? "/" : entryPath(volume, r.parentId(), r.name(), p);
                details = Details.restored(r.asOf(), r.reason());
            }
            case VolumeEvent.TreeCopied t -> {
                path = path(volume, t.nodeId(), p);
                details = Details.copy(path(volume, t.sourceId(), p - 1));
            }
        }
        return new LogEntry(p, Instant.ofEpochMilli(envelope.timestamp()).toString(), envelope.actor(),
                envelope.type(), path, toPath, details);
    }

    /** The path of entry {@code name} in folder {@code parentId}, or null if the folder is gone. */
    private static String entryPath(Volume volume, long parentId, String name, long asOf) {
        String folder = path(volume, parentId, asOf);
        return folder == null ? null : (folder.equals("/") ? "" : folder) + "/" + name;
    }

    private static String path(Volume volume, long nodeId, long asOf) {
        VfsPath path = volume.pathOf(nodeId, asOf);
        return path == null ? null : path.toString();
    }
}
