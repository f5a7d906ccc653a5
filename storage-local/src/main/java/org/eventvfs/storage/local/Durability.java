package org.eventvfs.storage.local;

/** Whether an append waits for the disk before it completes. */
public enum Durability {
    /** Each append call ends with one {@code fdatasync}: acknowledged means on disk. The default. */
    FSYNC,
    /** Appends end in the operating system's cache; a crash of the machine may lose them. Tests and benchmarks only. */
    NO_FSYNC
}
