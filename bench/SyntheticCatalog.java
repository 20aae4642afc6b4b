import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes a synthetic catalog as NDJSON (the admin API's product body plus id) to stdout: PRODUCTS
 * products in 50 types, 1-3 variants each, every product pinned to 20 complements and 3 upgrades
 * (pricier products of its type), so that every offer sheet is full. Seeded: the same file every run.
 *
 * Usage: java bench/SyntheticCatalog.java [PRODUCTS=100000] > catalog.ndjson
 */
public class SyntheticCatalog {
    public static void main(String[] args) throws Exception {
        int products = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        SplittableRandom random = new SplittableRandom(11);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            for (int p = 0; p < products; p++) {
                int type = p % 50;
                int cents = 500 + (p / 50) * 7 % 40000;
                StringBuilder line = new StringBuilder(1200);
                line.append("{\"id\":\"p").append(p).append("\",\"title\":\"Product ").append(p)
                        .append(" of a synthetic shop\",\"type\":\"type-").append(type)
                        .append("\",\"url\":\"/products/p").append(p).append("\",\"image\":\"https://cdn.example/p/")
                        .append(p).append(".jpg\",\"rating\":4.").append(p % 10).append(",\"reviewCount\":")
                        .append(p % 700).append(",\"variants\":[");
                int variants = 1 + p % 3;
                for (int v = 0; v < variants; v++) {
                    int price = cents + v * 250;
                    line.append(v == 0 ? "" : ",").append("{\"id\":\"v").append(p).append('-').append(v)
                            .append("\",\"title\":\"Size ").append(v).append("\",\"price\":\"").append(price / 100)
                            .append('.').append(String.format("%02d", price % 100)).append("\",\"inStock\":")
                            .append(random.nextInt(20) != 0).append('}');
                }
                line.append("],\"complements\":[");
                for (int c = 0; c < 20; c++) {
                    line.append(c == 0 ? "" : ",").append("\"p").append(random.nextInt(products)).append('"');
                }
                line.append("],\"upgrades\":[");
                for (int u = 1; u <= 3; u++) {
                    line.append(u == 1 ? "" : ",").append("\"p").append(Math.min(products - 1, p + 50 * u)).append('"');
                }
                line.append("]}\n");
                out.write(line.toString().replace(",\"p" + p + "\"", "").replace("[\"p" + p + "\",", "["));
            }
        }
    }
}
