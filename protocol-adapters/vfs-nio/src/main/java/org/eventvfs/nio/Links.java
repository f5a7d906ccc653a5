package org.eventvfs.nio;

import java.nio.file.LinkOption;

/** Whether an operation follows a symbolic link in its last name. */
enum Links {
    FOLLOW, NOFOLLOW;

    static Links follow(LinkOption... options) {
        for (Object option : options) {
            if (option == LinkOption.NOFOLLOW_LINKS) {
                return NOFOLLOW;
            }
        }
        return FOLLOW;
    }

    static Links follow(java.util.Set<? extends java.nio.file.OpenOption> options) {
        return options.contains(LinkOption.NOFOLLOW_LINKS) ? NOFOLLOW : FOLLOW;
    }
}
