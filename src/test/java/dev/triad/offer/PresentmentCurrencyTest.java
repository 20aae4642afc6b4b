package dev.triad.offer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.triad.support.BikeShop;
import dev.triad.support.RedisTestResource;
import dev.triad.support.Stores;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * Carts in the shopper's currency (Shopify Markets). {@code /cart.js} answers in the presentment
 * currency, amounts in its minor unit ({@code ../shared/data/fixtures/shopify/cart-js-populated.json},
 * Shopify/theme-scripts: a CAD cart, an item at 58000 = 580.00); a theme's {@code Shopify.currency}
 * holds {@code active} and {@code rate}, the shop's currency to the active one, which the widget
 * sends as {@code currencyRate}.
 */
@QuarkusTest
@QuarkusTestResource(RedisTestResource.class)
class PresentmentCurrencyTest {

    @Test
    void shouldPriceOffersInTheCartsCurrencyAtTheStorefrontsRate() {
        BikeShop bikes = BikeShop.register("markets.example");
        JsonPath cad = JsonPath.from(Stores.fixture("shopify/cart-js-populated.json"));
        String currency = cad.getString("currency");
        BigDecimal rate = new BigDecimal("1.37");
        // The bike at 799.00 USD is 1094.63 CAD at that rate, as /cart.js would show it.
        String bikeInCad = new BigDecimal("799.00").multiply(rate).setScale(2).toPlainString();

        JsonPath usd = bikes.offersForOneBike().then().statusCode(200).extract().jsonPath();
        JsonPath shown = bikes.offers(body(currency, "1.37", bikeInCad)).then().statusCode(200).extract().jsonPath();

        assertThat(shown.getList("offers.kind")).isEqualTo(usd.getList("offers.kind"));
        assertThat(shown.getList("offers.productId")).isEqualTo(usd.getList("offers.productId"));
        List<String> usdPrices = usd.getList("offers.price", String.class);
        List<String> cadPrices = shown.getList("offers.price", String.class);
        for (int i = 0; i < usdPrices.size(); i++) {
            assertThat(cadPrices.get(i)).isEqualTo(new BigDecimal(usdPrices.get(i)).multiply(rate).setScale(2,
                    java.math.RoundingMode.HALF_UP).toPlainString());
        }
    }

    @Test
    void shouldStillRefuseACartInAnotherCurrencyWhenItsRateIsNotSent() {
        BikeShop bikes = BikeShop.register("markets-no-rate.example");
        bikes.offers(body("CAD", null, "1094.63")).then().statusCode(422).body("field", equalTo("currency"));
    }

    @Test
    void shouldRefuseARateThatIsNoPositiveDecimal() {
        BikeShop bikes = BikeShop.register("markets-bad-rate.example");
        for (String bad : new String[] { "0", "-1.2", "1e3", "abc" }) {
            bikes.offers(body("CAD", bad, "1094.63")).then().statusCode(400).body("field", equalTo("currencyRate"));
        }
    }

    static Map<String, Object> body(String currency, String rate, String bikePrice) {
        Map<String, Object> body = new HashMap<>(BikeShop.cart(BikeShop.line("p-bike-500", "v-500-m", 1, bikePrice)));
        body.put("currency", currency);
        if (rate != null) {
            body.put("currencyRate", rate);
        }
        return body;
    }
}
