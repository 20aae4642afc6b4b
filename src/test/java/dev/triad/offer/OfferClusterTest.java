package dev.triad.offer;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.triad.local.RedisServerProcess;
import dev.triad.support.BikeShop;
import dev.triad.support.Redis;
import dev.triad.support.RedisClusterTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * ElastiCache in cluster mode: a real 3-master Redis Cluster on loopback. Admin writes (WATCH/MULTI
 * transactions) and the offer path work against it, and a shop's keys all live in one slot.
 */
@QuarkusTest
@QuarkusTestResource(value = RedisClusterTestResource.class, restrictToAnnotatedClass = true)
class OfferClusterTest {

    @Test
    void shouldServeOffersFromARedisClusterWithAllOfAShopsKeysInOneSlot() throws IOException {
        List<Integer> ports = ports();
        String shop = shopOnThirdNode(ports.get(0));

        BikeShop bikes = BikeShop.register(shop);
        long mgetsBefore = Redis.calls(ports.get(2), "mget");
        bikes.offersForOneBike().then().statusCode(200)
                .body("degraded", equalTo(false))
                .body("offers.kind", contains("add_on", "bundle", "upgrade"))
                .body("offers.extra", contains("49.00", "66.60", "150.00"));

        assertEquals(1, Redis.calls(ports.get(2), "mget") - mgetsBefore, "MGETs on the shop's node for one request");
        String keysOnOwner = RedisServerProcess.command(ports.get(2), "KEYS", "*");
        assertTrue(!keysOnOwner.equals("*0"), "the shop's keys are on the node that owns its slot");
        for (int other : ports.subList(0, 2)) {
            assertEquals("*0", RedisServerProcess.command(other, "KEYS", "triad:{" + shop + "}:*"),
                    "no key of the shop on another node");
        }
    }

    @Test
    void shouldServeOffersForShopsOnEveryMasterOfTheCluster() throws IOException {
        int anyNode = ports().get(0);
        for (int node = 0; node < 3; node++) {
            BikeShop bikes = BikeShop.register(shopOnNode(anyNode, node, "every-node-"));
            for (int request = 0; request < 3; request++) {
                bikes.offersForOneBike().then().statusCode(200)
                        .body("degraded", equalTo(false))
                        .body("offers.kind", contains("add_on", "bundle", "upgrade"));
            }
        }
    }

    /**
     * A shop name whose hash-tag slot lives on the third node (which holds the last third of the
     * slots), so that the client must follow the cluster's slot map rather than its first seed.
     */
    private static String shopOnThirdNode(int anyNode) throws IOException {
        return shopOnNode(anyNode, 2, "cluster-");
    }

    /** A shop name whose hash-tag slot lives on the {@code node}-th master (each holds a third of the slots). */
    private static String shopOnNode(int anyNode, int node, String prefix) throws IOException {
        int third = (16384 + 2) / 3;
        for (int i = 0; i < 1000; i++) {
            String shop = prefix + i + ".example";
            int slot = Integer.parseInt(RedisServerProcess.command(anyNode, "CLUSTER", "KEYSLOT",
                    "triad:{" + shop + "}:shop").substring(1));
            if (slot >= node * third && slot < (node + 1) * third) {
                return shop;
            }
        }
        throw new IllegalStateException("no shop name hashes to node " + node);
    }

    private static List<Integer> ports() {
        return Arrays.stream(System.getProperty(RedisClusterTestResource.PORTS_PROPERTY).split(","))
                .map(Integer::valueOf).toList();
    }
}
