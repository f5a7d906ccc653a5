package org.eventvfs.server;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * When {@code vfs run} stops: on SIGTERM or SIGINT in the real process, on {@link #request()} in
 * tests. The main thread waits for the request, stops the server, and reports its exit status.
 * In the real process SIGHUP asks for the configuration to be read again ({@link #onHangUp}).
 */
final class StopSignal {
    private static final Logger LOG = LoggerFactory.getLogger(StopSignal.class);

    /** How long a signal waits for a clean stop before the process ends anyway. */
    private static final long STOP_TIMEOUT_SECONDS = 60;

    private final boolean fromJvmShutdown;
    private final CountDownLatch requested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile int exitStatus;

    private StopSignal(boolean fromJvmShutdown) {
        this.fromJvmShutdown = fromJvmShutdown;
    }

    /** Stops on SIGTERM or SIGINT, once {@link #listen()} has been called. */
    static StopSignal onJvmShutdown() {
        return new StopSignal(true);
    }

    /** Stops only when {@link #request()} is called. */
    static StopSignal onRequest() {
        return new StopSignal(false);
    }

    /** From now on a signal asks for a stop; call {@link #stopped(int)} on every path after this. */
    void listen() {
        if (fromJvmShutdown) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stopOnJvmShutdown, "vfs-stop"));
        }
    }

    /**
     * Runs {@code reload} on each SIGHUP, in the real process; tests that run commands in their own
     * JVM send none. Where the system has no SIGHUP (Windows) the configuration is read only at start.
     */
    void onHangUp(Runnable reload) {
        if (!fromJvmShutdown) {
            return;
        }
        try {
            Signal.handle(new Signal("HUP"), signal -> reload.run());
        } catch (IllegalArgumentException noSuchSignal) {
            LOG.info("no SIGHUP on this system: the configuration is read again only at a restart");
        }
    }

    void request() {
        requested.countDown();
    }

    void awaitRequest() throws InterruptedException {
        requested.await();
    }

    /** Reports that the server is down, with the status the process should end with. */
    void stopped(int status) {
        exitStatus = status;
        stopped.countDown();
    }

    /**
     * Runs in the shutdown hook. After a signal the JVM would end with status 128 + signal; a
     * clean stop on SIGTERM is a success to systemd and container runtimes, so once the main
     * thread has stopped everything the process ends with the status it reported.
     */
    private void stopOnJvmShutdown() {
        request();
        try {
            boolean done = stopped.await(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            Runtime.getRuntime().halt(done ? exitStatus : FailureReporter.FAILED);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Runtime.getRuntime().halt(FailureReporter.FAILED);
        }
    }
}
