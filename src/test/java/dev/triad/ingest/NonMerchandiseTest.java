package dev.triad.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.catalog.NonMerchandise;
import dev.triad.support.Admin;
import dev.triad.support.Orders;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Postage, fees and the like are never offered, though order histories are full of them: UCI Online
 * Retail ({@code ../shared/data/online-retail.csv.gz}) has StockCode POST "POSTAGE", DOT "DOTCOM POSTAGE",
 * M "Manual", C2 "CARRIAGE" and BANK CHARGES in thousands of invoices.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class NonMerchandiseTest {

    @Test
    void shouldNeverOfferPostageOrManualLinesLearntFromOrders() {
        Admin shop = Admin.register("no-postage.example");
        StringBuilder csv = new StringBuilder("order_id,product_id,quantity,price,title\n");
        for (int i = 0; i < 4; i++) {
            csv.append("o").append(i).append(",22423,1,12.75,REGENCY CAKESTAND 3 TIER\n");
            csv.append("o").append(i).append(",POST,1,18.00,POSTAGE\n");
            csv.append("o").append(i).append(",M,1,2.55,Manual\n");
            csv.append("o").append(i).append(",C2,1,50.00,CARRIAGE\n");
            csv.append("o").append(i).append(",22699,1,2.95,ROSES REGENCY TEACUP AND SAUCER\n");
        }
        shop.importOrders(csv.toString());

        JsonPath offers = given().header("X-Triad-Key", shop.publishableKey()).contentType("application/json")
                .body(Orders.json(Map.of("placement", "cart", "currency", "USD",
                        "cart", List.of(Map.of("productId", "22423", "quantity", 1, "price", "12.75")))))
                .post("/v1/shops/{shop}/offers", shop.shop()).then().statusCode(200).extract().jsonPath();
        List<String> offered = new ArrayList<>(offers.getList("offers.productId", String.class));
        offered.addAll(offers.getList("offers.items.flatten().productId", String.class));

        assertThat(offered).contains("22699").doesNotContain("POST", "M", "C2");
    }

    @Test
    void shouldTellServicesFromGoodsByTheirTitles() {
        assertThat(List.of("POSTAGE", "Dotcom postage", "Manual", "CARRIAGE", "Bank Charges", "Shipping fee",
                "$25 Gift Card", "Gift voucher")).allMatch(NonMerchandise::is);
        assertThat(List.of("Manual Coffee Grinder", "Shipping Box 40 cm", "Coffee filter", "Tip-top sneakers",
                "POSTCARD SET")).noneMatch(NonMerchandise::is);
    }
}
