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

    /** Redis' error replies that say "not now" rather than "never". */
    public static boolean transientReply(String reply) {
        for (String kind : new String[] {"LOADING", "BUSY", "OOM", "READONLY", "MASTERDOWN", "TRYAGAIN",
                "CLUSTERDOWN", "MOVED", "ASK"}) {
            if (reply.startsWith(kind)) {
                return true;
            }
        }
        return false;
    }
}
