package dev.triad.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import dev.triad.local.RedisServerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real Redis that a test can stop and start again on the same port, keeping its data: every
 * write is appended and fsynced ({@code appendfsync always}), as a durable ElastiCache node would
 * keep what it acknowledged.
 */
public class RestartableRedisTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String[] DURABLE = { "--appendonly", "yes", "--appendfsync", "always" };

    private static RedisServerProcess server;
    private static int port;
    private static Path dir;

    @Override
    public Map<String, String> start() {
        try {
            port = RedisTestResource.freePort();
            dir = Files.createTempDirectory("triad-test-redis-durable");
            server = RedisServerProcess.start(port, dir, DURABLE);
            System.setProperty(RedisTestResource.PORT_PROPERTY, String.valueOf(port));
            return RedisTestResource.config("redis://127.0.0.1:" + port, "standalone");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the server, as an outage would; what it acknowledged stays on disk. */
    public static synchronized void stopRedis() {
        server.close();
    }

    /** Freezes the server (SIGSTOP): it keeps its connections but answers nothing. */
    public static synchronized void pauseRedis() {
        try {
            server.pause();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Lets the frozen server go on. */
    public static synchronized void resumeRedis() {
        try {
            server.resume();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same port from its append-only file. */
    public static synchronized void startRedis() {
        try {
            server = RedisServerProcess.start(port, dir, DURABLE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
        RedisTestResource.deleteQuietly(dir);
    }
}
