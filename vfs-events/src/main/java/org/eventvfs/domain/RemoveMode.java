package org.eventvfs.domain;

/** What a remove may take away: SFTP's REMOVE and RMDIR differ, WebDAV's DELETE takes a whole tree. */
public enum RemoveMode {
    /** A file or a link, never a directory (SFTP REMOVE, FTP DELE). */
    NON_DIRECTORY_ONLY,
    /** An empty directory only (SFTP RMDIR, FTP RMD). */
    EMPTY_DIRECTORY_ONLY,
    /** Anything, with everything below it, as one command (WebDAV DELETE). */
    RECURSIVE
}
