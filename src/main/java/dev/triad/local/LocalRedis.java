package dev.triad.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import dev.triad.TriadConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * For local runs: when {@code triad.local-redis.enabled} and no {@code QUARKUS_REDIS_HOSTS} is
 * set, starts the shipped redis-server on {@code triad.local-redis.port} before anything uses Redis
 * (the client connects lazily), and stops it on shutdown. A Redis already listening there is reused.
 */
@ApplicationScoped
public class LocalRedis {

    private static final Logger LOG = Logger.getLogger(LocalRedis.class);

    private RedisServerProcess server;

    void start(@Observes @Priority(10) StartupEvent event, TriadConfig config) {
        TriadConfig.LocalRedis local = config.localRedis();
        if (!local.enabled() || System.getenv("QUARKUS_REDIS_HOSTS") != null
                || System.getProperty("quarkus.redis.hosts") != null) {
            return;
        }
        int port = local.port();
        try {
            if ("+PONG".equals(RedisServerProcess.command(port, "PING"))) {
                LOG.infof("Using the Redis already listening on 127.0.0.1:%d", port);
                return;
            }
        } catch (IOException nothingThere) {
            // start one below
        }
        try {
            server = RedisServerProcess.start(port, Path.of(System.getProperty("java.io.tmpdir"), "triad-redis"));
            LOG.infof("Started a local redis-server on 127.0.0.1:%d (set QUARKUS_REDIS_HOSTS to use another)", port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start a local redis-server", e);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (server != null) {
            server.close();
        }
    }

}
