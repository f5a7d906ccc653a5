package org.eventvfs.nio;

import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;

/** Owners are eventvfs user names; every user is also its own group, as on many Linux systems. */
final class Principals {
    private Principals() {
    }

    /** Prints as the bare name: SSHD's long listing (ls -l) prints principals with toString. */
    record User(String getName) implements UserPrincipal {
        @Override
        public String toString() {
            return getName;
        }
    }

    record Group(String getName) implements GroupPrincipal {
        @Override
        public String toString() {
            return getName;
        }
    }

    static final UserPrincipalLookupService LOOKUP = new UserPrincipalLookupService() {
        @Override
        public UserPrincipal lookupPrincipalByName(String name) {
            return new User(name);
        }

        @Override
        public GroupPrincipal lookupPrincipalByGroupName(String group) {
            return new Group(group);
        }
    };
}
