package org.eventvfs;

/**
 * One stream's figures for operators, read from the event store without loading its volume.
 *
 * @param stream the volume's name, or {@code @accounts} for the users
 * @param events the store's head: the stream's newest position
 * @param bytes what the stream takes in the store ({@link org.eventvfs.spi.EventStore#size})
 * @param lag how many positions this server's projection is behind the store's head (another
 *     server appended and this one has not applied it yet), or null if the stream is not loaded here
 */
public record StreamStats(String stream, long events, long bytes, Long lag) {
}
