package org.eventvfs.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eventvfs.domain.Content;

/**
 * What an event changed besides the path: for content its size and SHA-256, a mode (octal, as
 * {@code 0644}), an owner, a modification time, a link's target, the source of a copy (for a
 * restore, the position restored to, as {@code @1234}), and for an aborted upload the bytes
 * received and why it ended (for a restore, why it was made); for an account event the user it
 * is about and what changed. Fields that do not apply are null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Details(Long size, String sha256, String mode, String owner, String modified, String target,
                      String source, Long received, String reason, String user, String change) {
    public static final Details NONE = new Details(null, null, null, null, null, null, null, null, null, null, null);

    static Details content(Content content) {
        return new Details(content.size(), content.sha256().hex(), null, null, null, null, null, null, null, null, null);
    }

    static Details created(int mode, String owner) {
        return new Details(null, null, octal(mode), owner, null, null, null, null, null, null, null);
    }

    static Details attributes(Integer mode, String owner, Long modified) {
        return new Details(null, null, mode == null ? null : octal(mode), owner,
                modified == null ? null : Instant.ofEpochMilli(modified).toString(), null, null, null, null, null, null);
    }

    static Details link(String target, String owner) {
        return new Details(null, null, null, owner, null, target, null, null, null, null, null);
    }

    static Details copy(String source) {
        return new Details(null, null, null, null, null, null, source, null, null, null, null);
    }

    static Details restored(long asOf, String reason) {
        return new Details(null, null, null, null, null, null, "@" + asOf, null, reason, null, null);
    }

    static Details aborted(long received, String reason) {
        return new Details(null, null, null, null, null, null, null, received, reason, null, null);
    }

    /** For an account event: the user it is about and what changed, as {@code key=value} words. */
    static Details account(String user, String change) {
        return new Details(null, null, null, null, null, null, null, null, null, user, change.isEmpty() ? null : change);
    }

    /** The details as {@code key=value} words for a table, hashes shortened to 12 digits. */
    public String summary() {
        List<String> words = new ArrayList<>();
        add(words, "size", size);
        add(words, "sha256", sha256 == null ? null : sha256.substring(0, 12));
        add(words, "mode", mode);
        add(words, "owner", owner);
        add(words, "modified", modified);
        add(words, "target", target);
        add(words, "from", source);
        add(words, "received", received);
        add(words, "reason", reason);
        add(words, "user", user);
        if (change != null) {
            words.add(change);
        }
        return String.join(" ", words);
    }

    private static void add(List<String> words, String key, Object value) {
        if (value != null) {
            words.add(key + "=" + value);
        }
    }

    private static String octal(int mode) {
        return String.format("%04o", mode);
    }
}
