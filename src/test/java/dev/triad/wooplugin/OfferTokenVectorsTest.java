package dev.triad.wooplugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.triad.offer.OfferToken;
import dev.triad.offer.OfferTokens;

/**
 * The offer-token test vectors the WooCommerce plugin's PHP verifies ({@code platforms/woocommerce/tests/vectors}):
 * minted here by Triad's own {@link OfferTokens}, so both sides agree byte for byte. The committed file must be
 * exactly what the Java code mints today; run with {@code -Dvectors.write=true} to write it after a deliberate
 * change of the token format.
 */
class OfferTokenVectorsTest {

    static final Path VECTORS = Path.of("platforms/woocommerce/tests/vectors/offer-tokens.json");
    static final String SHOP = "shop.example";
    static final long NOW = 1_800_000_000L;
    /** Valid vectors stay valid in a real cart until 2100; the expired one ended in 2023. */
    static final long FAR = 4_102_444_800L;
    static final long PAST = 1_700_000_000L;

    @Test
    void theCommittedVectorsAreWhatTriadMintsToday() throws IOException {
        String minted = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(vectors()) + "\n";
        if (Boolean.getBoolean("vectors.write")) {
            Files.writeString(VECTORS, minted);
        }
        assertThat(Files.readString(VECTORS)).as("the vectors PHP checks against, as Triad mints them").isEqualTo(minted);
    }

    @Test
    void everyVectorMeansToJavaWhatItSaysItMeans() {
        OfferTokens tokens = OfferTokens.underRoot(root());
        for (Map<String, Object> vector : cases()) {
            String token = (String) vector.get("token");
            String expected = (String) vector.get("verdict");
            String actual;
            try {
                tokens.verify(SHOP, token, NOW);
                actual = "valid";
            } catch (dev.triad.problem.ProblemException e) {
                actual = e.status() == 410 ? "expired" : "invalid";
            }
            assertThat(actual).as((String) vector.get("name")).isEqualTo(expected);
        }
    }

    private static byte[] root() {
        return "test vectors root key, not a secret".getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Object> vectors() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("about", "Offer tokens minted by Triad's OfferTokens (src/test/java/dev/triad/wooplugin/"
                + "OfferTokenVectorsTest.java); offerKey is the shop's key as POST /connect/v1/woocommerce hands it");
        all.put("shop", SHOP);
        all.put("offerKey", Base64.getEncoder().encodeToString(OfferTokens.underRoot(root()).shopKey(SHOP)));
        all.put("now", NOW);
        all.put("cases", cases());
        return all;
    }

    private static List<Map<String, Object>> cases() {
        OfferTokens tokens = OfferTokens.underRoot(root());
        OfferTokens other = OfferTokens.underRoot("another deployment".getBytes(StandardCharsets.UTF_8));
        OfferToken bundle = new OfferToken(SHOP, "bundle", FAR, "EUR", new BigDecimal("8.90"), List.of(
                new OfferToken.Line("412", "413", new BigDecimal("49.00")),
                new OfferToken.Line("87", null, new BigDecimal("40.00"))));
        OfferToken addOn = new OfferToken(SHOP, "add-on", FAR, "USD", new BigDecimal("2.50"), List.of(
                new OfferToken.Line("p-chain-lube", "+v1", new BigDecimal("25.00"))));
        OfferToken expired = new OfferToken(SHOP, "bundle", PAST, "EUR", new BigDecimal("8.90"), bundle.lines());
        List<Map<String, Object>> cases = new ArrayList<>();
        cases.add(vector("a bundle of a variation and a simple product", tokens.mint(bundle), "valid", bundle));
        cases.add(vector("a limited-time add-on", tokens.mint(addOn), "valid", addOn));
        cases.add(vector("a bundle that expired in 2023", tokens.mint(expired), "expired", expired));
        String minted = tokens.mint(bundle);
        String payload = new String(Base64.getUrlDecoder().decode(minted.substring(0, minted.indexOf('.'))),
                StandardCharsets.UTF_8);
        String richer = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace(" 8.90 ", " 89.00 ").getBytes(StandardCharsets.UTF_8));
        cases.add(vector("a bundle whose saving was raised, signature kept", richer + minted.substring(minted.indexOf('.')),
                "invalid", null));
        OfferToken elsewhere = new OfferToken("other.example", "bundle", FAR, "EUR", new BigDecimal("8.90"),
                bundle.lines());
        cases.add(vector("another shop's bundle", tokens.mint(elsewhere), "invalid", null));
        cases.add(vector("a bundle signed by another deployment", other.mint(bundle), "invalid", null));
        cases.add(vector("no signature at all", minted.substring(0, minted.indexOf('.')), "invalid", null));
        cases.add(vector("a signature cut short", minted.substring(0, minted.length() - 4), "invalid", null));
        return cases;
    }

    private static Map<String, Object> vector(String name, String token, String verdict, OfferToken grants) {
        Map<String, Object> vector = new LinkedHashMap<>();
        vector.put("name", name);
        vector.put("token", token);
        vector.put("verdict", verdict);
        if (grants != null) {
            vector.put("kind", grants.kind());
            vector.put("expiresAt", grants.expiresAt());
            vector.put("currency", grants.currency());
            vector.put("saving", grants.saving().toPlainString());
            vector.put("lines", grants.lines().stream().map(l -> {
                Map<String, Object> line = new LinkedHashMap<>();
                line.put("productId", l.productId());
                line.put("variantId", l.variantId());
                line.put("price", l.price().toPlainString());
                return line;
            }).toList());
        }
        return vector;
    }
}
