package org.eventvfs.server;

import java.nio.file.Path;
import java.util.OptionalLong;

/** Another process (or this one) holds the data folder's lock, so its stores are not ours to open. */
final class DataFolderInUse extends RuntimeException {
    /** @param pid the holder's process id, if it had written it yet */
    DataFolderInUse(Path folder, OptionalLong pid) {
        super("the data folder " + folder + " is in use by "
                + (pid.isPresent() ? "process " + pid.getAsLong() : "another process")
                + " (it holds " + folder.resolve(DataFolderLock.FILE_NAME) + ")", null, false, false);
    }
}
