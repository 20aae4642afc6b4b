package dev.triad.email;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.triad.support.Admin;
import dev.triad.support.KlaviyoMock;
import dev.triad.support.RedisTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The Shopify notification snippet of e-mailed offers, rendered with liquidjs against Shopify's sample order and
 * followed link by link ({@code src/test/js/email-snippet.test.mjs}). The shop sells product 632910392 of the
 * sample (the iPod Nano) with a case and earbuds pinned as complements, so its offers are an add-on and a
 * discounted bundle; the snippet's links are signed with the shop's e-mail secret.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
@QuarkusTestResource(KlaviyoMock.class)
class EmailSnippetTest {

    static final String SHOP = "email-snippet.myshopify.com";

    @jakarta.inject.Inject
    EmailLinks links;

    @Test
    void theSnippetRendersWithShopifysLiquidAndEveryImageAndLinkLeadsWhereItShould() throws Exception {
        Admin shop = Admin.register(SHOP);
        product(shop, "632910392", "IPod Nano - 8gb", "39072856", "199.00", null, List.of("1001", "1002"));
        product(shop, "1001", "Case", "2001", "19.00", "https://cdn.example/case.png", List.of());
        product(shop, "1002", "Earbuds", "2002", "29.00", "https://cdn.example/earbuds.png", List.of());
        Path log = Files.createDirectories(Path.of("target")).resolve("email-snippet.log");
        ProcessBuilder node = new ProcessBuilder("node", "email-snippet.test.mjs").directory(Path.of("src/test/js").toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        node.environment().putAll(Map.of("TRIAD_URL", "http://localhost:" + RestAssured.port, "SHOP", SHOP,
                "ADMIN_KEY", shop.adminKey(), "PUBLIC_URL", KlaviyoMock.PUBLIC_URL));
        Process run = node.start();
        run.waitFor(60, TimeUnit.SECONDS);
        String output = Files.readString(log);
        System.out.println(output);
        assertEquals(0, run.exitValue(), "the e-mail snippet tests failed:\n" + output);
    }

    @Test
    void onlyTheShopsAdminGetsTheSnippetWithItsSecret() {
        Admin shop = Admin.register("email-snippet-two.myshopify.com");
        given().get("/admin/v1/shops/{shop}/email-snippet", shop.shop()).then().statusCode(401);
        given().header("Authorization", "Bearer " + shop.adminKey()).get("/admin/v1/shops/{shop}/email-snippet", shop.shop())
                .then().statusCode(200).body(org.hamcrest.Matchers.containsString("hmac_sha256"))
                .body(org.hamcrest.Matchers.containsString(KlaviyoMock.PUBLIC_URL + "/email/v1/" + shop.shop() + "/go?"));
    }

    @Test
    void manyCardsClickedAtOnceAllLeadToTheirOffer() throws Exception {
        Admin shop = Admin.register("email-snippet-busy.myshopify.com");
        product(shop, "632910392", "IPod Nano - 8gb", "39072856", "199.00", null, List.of("1001"));
        product(shop, "1001", "Case", "2001", "19.00", "https://cdn.example/case.png", List.of());
        String signature = links.sign(shop.shop(), "450789469", "632910392", 1);
        java.util.concurrent.ExecutorService clients = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            List<java.util.concurrent.Future<String>> clicks = new java.util.ArrayList<>();
            for (int i = 0; i < 64; i++) {
                clicks.add(clients.submit(() -> given().redirects().follow(false)
                        .get("/email/v1/{shop}/go?r=450789469&p=632910392&n=1&s=" + signature, shop.shop())
                        .header("Location")));
            }
            for (java.util.concurrent.Future<String> click : clicks) {
                assertEquals("https://" + shop.shop() + "/cart/2001:1", click.get(30, TimeUnit.SECONDS));
            }
        } finally {
            clients.shutdownNow();
        }
    }

    private static void product(Admin shop, String id, String title, String variant, String price, String image,
            List<String> complements) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", title, "url", "/products/" + id,
                "complements", complements, "variants", List.of(Map.of("id", variant, "price", price, "inStock", true))));
        if (image != null) {
            body.put("image", image);
        }
        given().header("Authorization", "Bearer " + shop.adminKey()).contentType(ContentType.JSON).body(body)
                .put("/admin/v1/shops/{shop}/products/{id}", shop.shop(), id).then().statusCode(200);
    }
}
