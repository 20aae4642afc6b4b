package dev.triad.problem;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure is Redis being away for now — unreachable, stalled past a wait, closing the
 * connection, loading, failing over — which is a 503 (try again), as opposed to a fault that would
 * repeat on every try.
 */
public final class StoreTrouble {

    private StoreTrouble() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof TimeoutException
                    || t instanceof io.smallrye.mutiny.TimeoutException
                    || t instanceof io.vertx.core.VertxException
                    || t instanceof io.vertx.core.impl.NoStackTraceThrowable) {
                return true;
            }
            if (t instanceof io.vertx.redis.client.impl.types.ErrorType error) {
                return transientReply(String.valueOf(error.getMessage()));
            }
        }
        return false;
    }

    /**
     * Whether a Redis error reply says "not now" rather than "never". Only the replies about the
     * command itself — a wrong command or argument, a key of the wrong type, a failed script, an
     * aborted transaction — are for good; everything else (LOADING, BUSY, OOM, READONLY, MASTERDOWN,
     * TRYAGAIN, CLUSTERDOWN, MOVED, ASK, the client's own CONNECTION_CLOSED, …) passes.
     */
    public static boolean transientReply(String reply) {
        return !(reply.startsWith("ERR") || reply.startsWith("WRONGTYPE") || reply.startsWith("EXECABORT"));
    }
}
