package dev.triad.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import dev.triad.local.RedisServerProcess;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real 3-master Redis Cluster on loopback: three redis-server processes in cluster mode, the
 * 16,384 slots split between them, joined with CLUSTER MEET. The application runs in cluster mode
 * against it; the test JVM learns the node ports from {@value #PORTS_PROPERTY}.
 */
public class RedisClusterTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String PORTS_PROPERTY = "test.triad-redis-cluster-ports";
    static final int SLOTS = 16384;

    private final List<RedisServerProcess> nodes = new ArrayList<>();
    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("triad-test-cluster");
            for (int i = 0; i < 3; i++) {
                int port = RedisTestResource.freePort();
                nodes.add(RedisServerProcess.start(port, dir, "--cluster-enabled", "yes",
                        "--cluster-config-file", "nodes-" + port + ".conf", "--cluster-node-timeout", "2000"));
            }
            assignSlots();
            for (RedisServerProcess node : nodes.subList(1, nodes.size())) {
                nodes.get(0).command("CLUSTER", "MEET", "127.0.0.1", String.valueOf(node.port()));
            }
            awaitClusterOk();
            String ports = nodes.stream().map(n -> String.valueOf(n.port())).collect(Collectors.joining(","));
            System.setProperty(PORTS_PROPERTY, ports);
            String hosts = nodes.stream().map(n -> "redis://127.0.0.1:" + n.port()).collect(Collectors.joining(","));
            return RedisTestResource.config(hosts, "cluster");
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException(e);
        }
    }

    private void assignSlots() throws IOException {
        int perNode = (SLOTS + nodes.size() - 1) / nodes.size();
        for (int i = 0; i < nodes.size(); i++) {
            List<String> args = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = i * perNode; slot < Math.min(SLOTS, (i + 1) * perNode); slot++) {
                args.add(String.valueOf(slot));
            }
            String reply = nodes.get(i).command(args.toArray(String[]::new));
            if (!reply.equals("+OK")) {
                throw new IOException("CLUSTER ADDSLOTS failed: " + reply);
            }
        }
    }

    private void awaitClusterOk() throws IOException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean allOk = true;
            for (RedisServerProcess node : nodes) {
                allOk &= node.command("CLUSTER", "INFO").contains("cluster_state:ok");
            }
            if (allOk) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException(e);
            }
        }
        throw new IOException("The test cluster never reached cluster_state:ok");
    }

    @Override
    public void stop() {
        nodes.forEach(RedisServerProcess::close);
        nodes.clear();
        RedisTestResource.deleteQuietly(dir);
    }
}
