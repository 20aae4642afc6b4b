package dev.triad.ingest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;


import dev.triad.support.Admin;
import dev.triad.sheet.OfferSheet;
import dev.triad.sheet.SheetCodec;
import dev.triad.support.Redis;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class OrderImportTest {

    /** Bikes go with helmets and locks (twice each); a one-off pair (bike + kettle) must not become a complement. */
    static final String ORDERS = """
            order_id,product_id,variant_id,quantity,price
            o1,p-bike,v-bike,1,799.00
            o1,p-helmet,v-helmet,1,49.00
            o2,p-bike,v-bike,1,799.00
            o2,p-helmet,v-helmet,1,49.00
            o2,p-lock,v-lock,1,25.00
            o3,p-bike,v-bike,1,799.00
            o3,p-lock,v-lock,1,25.00
            o4,p-bike,v-bike,1,799.00
            o4,p-kettle,v-kettle,1,30.00
            o5,p-helmet,v-helmet,2,49.00
            """;

    @Test
    void shouldOfferComplementsLearntFromAnOrderHistoryAlone() {
        Admin shop = Admin.register("history.example");

        JsonPath report = shop.importOrders(ORDERS);

        assertThat(report.getString("format")).isEqualTo("line-items-csv");
        assertThat(report.getLong("ordersTaken")).isEqualTo(5);
        assertThat(report.getLong("linesTaken")).isEqualTo(10);
        assertThat(report.getLong("productsLearnt")).isEqualTo(4);
        given().header("X-Triad-Key", shop.publishableKey()).contentType(ContentType.JSON)
                .body(Map.of("placement", "cart", "currency", "USD", "cart",
                        List.of(Map.of("productId", "p-bike", "quantity", 1, "price", "799.00"))))
                .post("/v1/shops/{shop}/offers", shop.shop())
                .then().statusCode(200)
                .body("offers.kind", org.hamcrest.Matchers.contains("add_on", "bundle"))
                .body("offers[0].productId", org.hamcrest.Matchers.equalTo("p-helmet"))
                .body("offers[0].reason", org.hamcrest.Matchers.equalTo("bought_together"))
                .body("offers[0].evidence.boughtTogether", org.hamcrest.Matchers.equalTo(2))
                .body("offers[1].items.productId", org.hamcrest.Matchers.contains("p-helmet", "p-lock"));
    }

    @Test
    void shouldLeaveTheSheetsToTheOneRebuildTheCallerAsksForWhenAHistoryComesInBatches() {
        Admin shop = Admin.register("batches.example");
        String[] rows = ORDERS.split("\n");
        String header = rows[0];
        String firstHalf = String.join("\n", java.util.Arrays.copyOfRange(rows, 0, 6)) + "\n";
        String secondHalf = header + "\n" + String.join("\n", java.util.Arrays.copyOfRange(rows, 6, rows.length)) + "\n";
        for (String batch : List.of(firstHalf, secondHalf)) {
            JsonPath report = given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv")
                    .body(batch).post("/admin/v1/shops/{shop}/orders?rebuild=false", shop.shop())
                    .then().statusCode(200).extract().jsonPath();
            assertThat(report.getString("update")).isEqualTo("deferred");
            assertThat(report.getMap("rebuild")).isNull();
        }
        assertThat(sheets(shop.shop())).as("no sheet before the rebuild").isEmpty();

        assertThat(shop.rebuild().getInt("orders")).isEqualTo(5);
        assertThat(shop.product("p-bike").getList("sheet.complements.productId")).contains("p-helmet");
    }

    @Test
    void shouldChangeNothingWhenTheSameOrdersAreImportedAgain() {
        Admin shop = Admin.register("reimport.example");
        shop.importOrders(ORDERS);
        Map<String, OfferSheet> before = sheets(shop.shop());

        JsonPath again = shop.importOrders(ORDERS);

        assertThat(again.getLong("ordersTaken")).isZero();
        assertThat(again.getLong("ordersSkipped")).isEqualTo(5);
        assertThat(sheets(shop.shop())).isEqualTo(before);
        assertThat(shop.product("p-bike").getInt("orders")).isEqualTo(4);
    }

    @Test
    void shouldPublishTheSameSheetsIncrementallyAsAFullRebuild() {
        List<String> history = syntheticOrders(400, 40);
        Admin stepwise = Admin.register("stepwise.example");
        Admin whole = Admin.register("whole.example");

        stepwise.importOrders(csv(history.subList(0, 250)));
        JsonPath later = stepwise.importOrders(csv(history.subList(250, history.size())));
        whole.importOrders(csv(history));

        assertThat(later.getString("update")).isEqualTo("incremental");
        Map<String, OfferSheet> incremental = sheets(stepwise.shop());
        assertThat(incremental).hasSize(40).isEqualTo(sheets(whole.shop()));
        stepwise.rebuild();
        assertThat(sheets(stepwise.shop())).isEqualTo(incremental);
    }

    @Test
    void shouldRescoreAProductThatGrewPopularInSheetsTheNewOrdersDidNotHold() {
        List<String> history = syntheticOrders(400, 40);
        List<String> later = new ArrayList<>();
        for (int o = 0; o < 300; o++) {
            later.add("later" + o + ",p0,5.00\nlater" + o + ",p1,6.00");
        }
        Admin stepwise = Admin.register("reclassed.example");
        Admin whole = Admin.register("reclassed-whole.example");
        stepwise.importOrders(csv(history));
        Map<String, OfferSheet> before = sheets(stepwise.shop());
        String untouched = before.keySet().stream()
                .filter(key -> !key.endsWith(":p0") && !key.endsWith(":p1"))
                .filter(key -> scoreOf(before.get(key), "p0") > 0)
                .findFirst().orElseThrow();

        stepwise.importOrders(csv(later));
        List<String> all = new ArrayList<>(history);
        all.addAll(later);
        whole.importOrders(csv(all));

        Map<String, OfferSheet> incremental = sheets(stepwise.shop());
        assertThat(scoreOf(incremental.get(untouched), "p0")).isLessThan(scoreOf(before.get(untouched), "p0"));
        assertThat(incremental).isEqualTo(sheets(whole.shop()));
    }

    @Test
    void shouldOfferWhatBuyersOfAProductChooseOverWhatEveryoneBuys() {
        StringBuilder csv = new StringBuilder("order_id,product_id,price\n");
        for (int o = 0; o < 10; o++) {
            csv.append("tent").append(o).append(",p-tent,199.00\n");
            if (o < 5) {
                csv.append("tent").append(o).append(",p-water,2.00\n");
            }
            if (o >= 6) {
                csv.append("tent").append(o).append(",p-pegs,9.00\n");
            }
        }
        for (int o = 0; o < 200; o++) {
            csv.append("daily").append(o).append(",p-water,2.00\n").append("daily").append(o).append(",p-bread,3.00\n");
        }
        Admin shop = Admin.register("staples.example");
        shop.importOrders(csv.toString());

        given().header("X-Triad-Key", shop.publishableKey()).contentType(ContentType.JSON)
                .body(Map.of("placement", "cart", "currency", "USD", "cart",
                        List.of(Map.of("productId", "p-tent", "quantity", 1, "price", "199.00"))))
                .post("/v1/shops/{shop}/offers", shop.shop())
                .then().statusCode(200)
                .body("offers[0].productId", org.hamcrest.Matchers.equalTo("p-pegs"))
                .body("offers[1].items.productId", org.hamcrest.Matchers.contains("p-pegs", "p-water"));
    }

    @Test
    void shouldReportBadRowsWithTheirLineAndKeepTheGoodOnes() {
        Admin shop = Admin.register("badrows.example");

        JsonPath report = shop.importOrders("""
                order_id,product_id,quantity,price
                o1,p-a,1,10.00
                o1,p-b,two,5.00
                o2,p-a,1,10.00
                o2,,1,5.00
                o2,p-c,1,lots
                o3,p-a,1,10.00
                o3,p-b,1,5.00
                """);

        assertThat(report.getLong("ordersTaken")).isEqualTo(3);
        assertThat(report.getLong("linesTaken")).isEqualTo(4);
        assertThat(report.getLong("linesSkipped")).isEqualTo(3);
        assertThat(report.getList("problems.line", Integer.class)).containsExactly(3, 5, 6);
        assertThat(report.getString("problems[0].reason")).contains("quantity");
    }

    @Test
    void shouldReadShopifyOrderExportsSkippingCancelledAndRefundedOrders() {
        Admin shop = Admin.register("shopify-export.example");

        JsonPath report = shop.importOrders("""
                Name,Email,Financial Status,Cancelled at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku
                #1001,a@example.com,paid,,1,Trail Bike 500 - M,799.00,BIKE-500-M
                #1001,,,,1,Helmet,49.00,HELMET
                #1002,b@example.com,refunded,,1,Trail Bike 500 - M,799.00,BIKE-500-M
                #1002,,,,1,Lock,25.00,LOCK
                #1003,c@example.com,paid,2024-01-02 10:00:00 +0100,1,Lock,25.00,LOCK
                #1004,d@example.com,paid,,1,Trail Bike 500 - M,799.00,BIKE-500-M
                #1004,,,,1,Helmet,49.00,HELMET
                """);

        assertThat(report.getString("format")).isEqualTo("shopify-orders-csv");
        assertThat(report.getLong("ordersTaken")).isEqualTo(2);
        assertThat(report.getLong("ordersSkipped")).isEqualTo(2);
        assertThat(shop.product("sku-helmet").getString("product.title")).isEqualTo("Helmet");
        assertThat(shop.product("sku-bike-500-m").getList("sheet.complements.productId")).containsExactly("sku-helmet");
    }

    @Test
    void shouldReadOnlineRetailInvoicesIgnoringCancellationsAndReturnsEvenGzipped() throws IOException {
        Admin shop = Admin.register("retail.example");
        String csv = """
                InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
                536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850.0,United Kingdom
                536365,71053,WHITE METAL LANTERN,6,2010-12-01 08:26:00,3.39,17850.0,United Kingdom
                C536379,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-1,2010-12-01 09:41:00,2.55,14527.0,United Kingdom
                536380,85123A,WHITE HANGING HEART T-LIGHT HOLDER,-2,2010-12-01 09:41:00,2.55,14527.0,United Kingdom
                536380,71053,WHITE METAL LANTERN,2,2010-12-01 09:41:00,3.39,14527.0,United Kingdom
                """;

        JsonPath report = given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv")
                .header("Content-Encoding", "gzip").body(gzip(csv))
                .post("/admin/v1/shops/{shop}/orders", shop.shop()).then().statusCode(200).extract().jsonPath();

        assertThat(report.getString("format")).isEqualTo("online-retail-csv");
        assertThat(report.getLong("ordersTaken")).isEqualTo(2);
        assertThat(report.getLong("ordersSkipped")).isEqualTo(1);
        assertThat(shop.product("85123A").getInt("orders")).isEqualTo(1);
        assertThat(shop.product("71053").getString("product.variants[0].price")).isEqualTo("3.39");
    }

    @Test
    void shouldReadNdjsonOrdersInTriadsShapeAndShopifysRestShape() {
        Admin shop = Admin.register("ndjson.example");
        String ndjson = """
                {"id":"n1","lines":[{"productId":"p-a","quantity":1,"price":"10.00"},{"productId":"p-b","price":"4.00"}]}
                {"id":450789469,"line_items":[{"product_id":632910392,"variant_id":39072856,"title":"IPod Nano","quantity":1,"price":"199.00"},{"product_id":"p-a","quantity":1,"price":"10.00"}]}
                not json
                """;

        JsonPath report = shop.importOrders("application/x-ndjson", ndjson.getBytes(StandardCharsets.UTF_8));

        assertThat(report.getString("format")).isEqualTo("ndjson");
        assertThat(report.getLong("ordersTaken")).isEqualTo(2);
        assertThat(report.getList("problems.line", Integer.class)).containsExactly(3);
        assertThat(shop.product("632910392").getString("product.title")).isEqualTo("IPod Nano");
    }

    @Test
    void shouldRefuseAFileItCannotRecognise() {
        Admin shop = Admin.register("unknown-format.example");
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType("text/csv").body("a,b\n1,2\n")
                .post("/admin/v1/shops/{shop}/orders", shop.shop())
                .then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("body"));
    }

    /** Every sheet of the shop, read back, by key. */
    static Map<String, OfferSheet> sheets(String shop) {
        Map<String, OfferSheet> sheets = new TreeMap<>();
        for (String key : Redis.keys("triad:{" + shop + "}:sheet:*")) {
            try {
                sheets.put(key.substring(key.indexOf(":sheet:")), new SheetCodec().read(Redis.bytes(key)));
            } catch (IOException e) {
                throw new IllegalStateException(key, e);
            }
        }
        return sheets;
    }

    /**
     * Orders over {@code products} products with a skewed popularity, seeded (the same list every
     * run); one element per order, holding its CSV rows.
     */
    static double scoreOf(OfferSheet sheet, String productId) {
        return sheet.complements().stream().filter(c -> c.productId().equals(productId))
                .mapToDouble(dev.triad.sheet.Candidate::score).findFirst().orElse(0);
    }

    static List<String> syntheticOrders(int orders, int products) {
        java.util.Random random = new java.util.Random(42);
        List<String> history = new ArrayList<>();
        for (int o = 0; o < orders; o++) {
            int lines = 1 + random.nextInt(4);
            java.util.Set<Integer> picked = new java.util.LinkedHashSet<>();
            while (picked.size() < lines) {
                picked.add((int) (products * Math.pow(random.nextDouble(), 2)));
            }
            List<String> rows = new ArrayList<>();
            for (int p : picked) {
                rows.add("o" + o + ",p" + p + "," + (5 + p) + ".00");
            }
            history.add(String.join("\n", rows));
        }
        return history;
    }

    static String csv(List<String> rows) {
        return "order_id,product_id,price\n" + String.join("\n", rows) + "\n";
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
