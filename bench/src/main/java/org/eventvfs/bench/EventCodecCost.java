package org.eventvfs.bench;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eventvfs.codec.EventCodec;
import org.eventvfs.domain.Actor;
import org.eventvfs.domain.EventEnvelope;
import org.eventvfs.domain.Node;
import org.eventvfs.domain.VolumeEvent.FileCreated;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one small event costs in {@link EventCodec}, single-threaded: sealing it (the writer, on its
 * event loop), encoding it (the log, on its writer thread) and decoding it (every replay). These
 * set the ceilings of the writer and replay benchmarks on this machine.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(1)
public class EventCodecCost {
    private static final Actor ACTOR = new Actor("alice", "sftp", "192.0.2.10", "session-1", "OpenSSH_9.6");

    private final FileCreated event = new FileCreated(123_456, 789, "file-123456.dat", Node.DEFAULT_FILE_MODE,
            "alice", 1_763_712_000_000L);
    private EventEnvelope sealed;
    private byte[] encoded;

    @Setup
    public void sealOne() {
        sealed = seal();
        encoded = EventCodec.encode(sealed);
    }

    @Benchmark
    public EventEnvelope seal() {
        return EventCodec.seal(SealedLog.VOLUME, 1_000_000, UUID.randomUUID(), 1_763_712_000_000L, ACTOR,
                EventEnvelope.GENESIS, event);
    }

    @Benchmark
    public byte[] encode() {
        return EventCodec.encode(sealed);
    }

    @Benchmark
    public EventEnvelope decode() {
        return EventCodec.decode(encoded);
    }
}
