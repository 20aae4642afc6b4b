package dev.triad.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The published figures of the Groceries data set (arules), reproduced through the order import,
 * the rebuild and the product view. Needs ../shared/data/groceries.csv; skips, saying so, without it.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class GroceriesTest {

    static final Path GROCERIES = Path.of("..", "shared", "data", "groceries.csv");

    @Test
    void shouldReproduceThePublishedFiguresOfTheGroceriesBaskets() throws IOException {
        assumeTrue(Files.exists(GROCERIES), "skipped: " + GROCERIES.toAbsolutePath()
                + " is absent (the real-data check needs the shared data folder)");
        Admin groceries = Admin.register("groceries.example");

        JsonPath report = groceries.importOrders(asLineItems(Files.readAllLines(GROCERIES)));

        assertThat(report.getLong("ordersTaken")).isEqualTo(9835);
        assertThat(report.getLong("rebuild.orders")).isEqualTo(9835);
        assertThat(groceries.product("whole-milk").getInt("orders")).isEqualTo(2513);
        JsonPath herbs = groceries.product("herbs");
        Map<String, Object> rootVegetables = herbs.getMap("mined.find { it.productId == 'root-vegetables' }");
        assertThat(rootVegetables).as("root vegetables among the mined complements of herbs").isNotNull();
        assertThat(((Number) rootVegetables.get("pairCount")).intValue()).isEqualTo(69);
        assertThat(((Number) rootVegetables.get("support")).doubleValue()).isCloseTo(0.007015760, within(1e-9));
        assertThat(((Number) rootVegetables.get("confidence")).doubleValue()).isCloseTo(0.43125, within(1e-9));
        assertThat(((Number) rootVegetables.get("lift")).doubleValue()).isCloseTo(3.956477, within(1e-6));
    }

    /** One basket per line, items comma-separated → order_id,product_id with items as slugs. */
    static String asLineItems(List<String> baskets) {
        StringBuilder csv = new StringBuilder("order_id,product_id,title\n");
        for (int i = 0; i < baskets.size(); i++) {
            if (baskets.get(i).isBlank()) {
                continue;
            }
            for (String item : baskets.get(i).split(",")) {
                csv.append("g").append(i + 1).append(',').append(slug(item)).append(",\"").append(item.trim())
                        .append("\"\n");
            }
        }
        return csv.toString();
    }

    static String slug(String item) {
        return item.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
