package org.eventvfs.server;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.eventvfs.server.AdminApi.Session;

/** {@code vfs admin sessions}' output: one aligned row a session under a header, {@code -} for what is not known. */
final class SessionTable {
    private static final List<String> HEADER = List.of("ID", "PROTOCOL", "USER", "ADDRESS", "CLIENT", "SINCE");

    private SessionTable() {
    }

    static List<String> lines(List<Session> sessions) {
        return new TextTable(HEADER).lines(sessions.stream().map(session -> List.of(session.id(), session.protocol(),
                Objects.requireNonNullElse(session.user(), "-"), session.address(),
                Objects.requireNonNullElse(session.client(), "-"),
                Instant.parse(session.since()).truncatedTo(ChronoUnit.SECONDS).toString())).toList());
    }
}
