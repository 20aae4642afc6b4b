import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Writes a synthetic order history as CSV (order_id,product_id,quantity,price) to stdout:
 * ORDERS orders of 1-10 distinct lines over PRODUCTS products whose popularity follows Zipf's law
 * (exponent 1), seeded so that every run writes the same file.
 *
 * Usage: java bench/SyntheticOrders.java [ORDERS=1000000] [PRODUCTS=50000] > orders.csv
 */
public class SyntheticOrders {
    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int products = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
        double[] cumulative = new double[products];
        double sum = 0;
        for (int r = 0; r < products; r++) {
            sum += 1.0 / (r + 1);
            cumulative[r] = sum;
        }
        SplittableRandom random = new SplittableRandom(20261123L);
        try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 20)) {
            out.write("order_id,product_id,quantity,price\n");
            int[] picked = new int[10];
            for (int o = 0; o < orders; o++) {
                int lines = 1 + random.nextInt(10);
                int n = 0;
                while (n < lines) {
                    int idx = Arrays.binarySearch(cumulative, random.nextDouble() * sum);
                    int product = idx >= 0 ? idx : -idx - 1;
                    boolean seen = false;
                    for (int i = 0; i < n; i++) {
                        seen |= picked[i] == product;
                    }
                    if (!seen) {
                        picked[n++] = product;
                    }
                }
                for (int i = 0; i < n; i++) {
                    int p = picked[i];
                    out.write("o" + o + ",p" + p + ",1," + (5 + p % 200) + "." + (p % 100 < 10 ? "0" : "") + (p % 100) + "\n");
                }
            }
        }
    }
}
