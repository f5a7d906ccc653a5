package org.eventvfs.impl;

import java.util.Set;
import org.eventvfs.domain.VolumeCommand;

/** A volume command with the lock tokens its sender submitted. */
record GuardedCommand(VolumeCommand command, Set<String> lockTokens) {
    GuardedCommand {
        lockTokens = Set.copyOf(lockTokens);
    }
}
