package dev.triad.shopifyapp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A bulk operation's file is read one product (or order) at a time: the first product reaches the
 * import before the rest of the file has been downloaded, so a catalog of any size is never held whole.
 * Lines as in shopify.dev "Perform bulk operations with the GraphQL Admin API" (children name their
 * parent in {@code __parentId} and follow it).
 */
class JsonlGroupsTest {

    final ObjectMapper mapper = new ObjectMapper();

    @Test
    void shouldHandOverTheFirstProductBeforeTheRestOfTheFileArrives() throws IOException {
        String first = """
                {"id":"gid://shopify/Product/1","title":"Trail Bike","handle":"trail-bike","productType":"Bikes","status":"ACTIVE"}
                {"id":"gid://shopify/ProductVariant/11","title":"M","price":"800.00","selectedOptions":[{"name":"Size","value":"M"}],"__parentId":"gid://shopify/Product/1"}
                {"id":"gid://shopify/Product/2","title":"Helmet","handle":"helmet","productType":"Gear","status":"ACTIVE"}
                """;
        InputStream notYetDownloaded = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("the rest of the file was asked for");
            }
        };
        List<String> skipped = new ArrayList<>();
        InputStream products = new JsonlGroups(new SequenceInputStream(
                new ByteArrayInputStream(first.getBytes(StandardCharsets.UTF_8)), notYetDownloaded), mapper,
                new JsonlGroups.Shape("variant", node -> ShopifySync.productBody(mapper, node), ShopifySync::addVariant,
                        p -> p.remove("status")), skipped::addAll);

        String line = firstLine(products);

        assertThat(mapper.readTree(line).path("id").asText()).isEqualTo("1");
        assertThat(mapper.readTree(line).path("variants").get(0).path("options").path("Size").asText()).isEqualTo("M");
        assertThat(mapper.readTree(line).has("status")).isFalse();
    }

    @Test
    void shouldReportAVariantAwayFromItsProductByLineNumberAndKeepTheRest() throws IOException {
        String file = """
                {"id":"gid://shopify/Product/1","title":"Trail Bike","handle":"trail-bike","status":"ACTIVE"}
                {"id":"gid://shopify/ProductVariant/21","title":"S","price":"9.00","__parentId":"gid://shopify/Product/2"}
                {"id":"gid://shopify/ProductVariant/11","title":"M","price":"800.00","__parentId":"gid://shopify/Product/1"}
                """;
        List<String> skipped = new ArrayList<>();
        InputStream products = new JsonlGroups(new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), mapper,
                new JsonlGroups.Shape("variant", node -> ShopifySync.productBody(mapper, node), ShopifySync::addVariant,
                        p -> p.remove("status")), skipped::addAll);

        String ndjson = new String(products.readAllBytes(), StandardCharsets.UTF_8);

        assertThat(ndjson.lines()).hasSize(1);
        assertThat(mapper.readTree(ndjson).path("variants").size()).isEqualTo(1);
        assertThat(skipped).containsExactly("line 2: a variant away from its parent");
    }

    /** One line, read byte by byte, so that nothing past it is asked of the stream. */
    private static String firstLine(InputStream in) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int b = in.read(); b != '\n' && b != -1; b = in.read()) {
            text.append((char) b);
        }
        return text.toString();
    }
}
