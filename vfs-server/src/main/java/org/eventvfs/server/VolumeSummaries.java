package org.eventvfs.server;

import io.vertx.core.Future;
import java.util.List;
import org.eventvfs.Vfs;
import org.eventvfs.domain.Account;

/** {@code GET /v1/volumes} and {@code vfs admin volumes}: each volume with its log length and its users. */
final class VolumeSummaries {
    private VolumeSummaries() {
    }

    /**
     * A volume that holds events.
     *
     * @param events its log length, the newest position
     * @param users the names of the users whose home is in it
     */
    record VolumeSummary(String name, long events, List<String> users) {
    }

    static Future<List<VolumeSummary>> of(Vfs vfs) {
        return vfs.accounts().list().compose(accounts -> vfs.volumes().compose(names -> Future.all(names.stream()
                        .map(name -> vfs.volume(name).map(volume -> new VolumeSummary(name, volume.position(),
                                accounts.stream().filter(a -> a.volume().equals(name)).map(Account::name).toList())))
                        .toList()))
                .map(all -> all.<VolumeSummary>list()));
    }

    static List<String> lines(List<VolumeSummary> volumes) {
        return new TextTable(List.of("VOLUME", "EVENTS", "USERS")).lines(volumes.stream().map(v -> List.of(v.name(),
                Long.toString(v.events()), String.join(", ", v.users()))).toList());
    }
}
