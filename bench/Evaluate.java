import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;

/**
 * Offline evaluation of Triad's offers against a popularity baseline, through the real offer path.
 *
 * Splits an order history by time (the earlier 80 % train, the later 20 % test), imports the train
 * orders into a fresh shop of a running Triad (which rebuilds its sheets), then for each test
 * order of at least two products hides one product (seeded), asks POST /v1/shops/{shop}/offers for
 * the rest and counts a hit when the hidden product is among the first three distinct products
 * offered (tier order). The baseline offers the three best-sellers of the train orders not in the
 * cart. Also reports catalog coverage: distinct products ever offered / products in the train orders.
 *
 * Usage: java -cp fastcsv.jar bench/Evaluate.java DATASET BASE_URL OPERATOR_KEY [MAX_TEST_ORDERS]
 *   DATASET: online-retail (../shared/data/online-retail.csv.gz) or instacart (../shared/data/instacart)
 */
public class Evaluate {

    record Order(String id, String time, List<String> products) {
    }

    public static void main(String[] args) throws Exception {
        String dataset = args[0];
        String base = args[1];
        String operator = args[2];
        int maxTest = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        // "one": hide one random known product per test order; "every": each in turn (more queries, same orders).
        boolean hideEvery = args.length > 4 && args[4].equals("every");
        Map<String, String> prices = new HashMap<>();
        List<Order> orders = dataset.equals("instacart") ? instacart(prices) : onlineRetail(prices);
        orders.sort(Comparator.comparing(Order::time).thenComparing(Order::id));
        int cut = (int) (orders.size() * 0.8);
        List<Order> train = orders.subList(0, cut);
        List<Order> test = orders.subList(cut, orders.size());

        HttpClient http = HttpClient.newHttpClient();
        String shop = "eval-" + dataset + "-" + System.currentTimeMillis() + ".example";
        String created = send(http, HttpRequest.newBuilder(URI.create(base + "/admin/v1/shops/" + shop))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"platform\":\"shopify\",\"currency\":\"USD\"}")).build());
        String publishable = field(created, "publishableKey");
        StringBuilder csv = new StringBuilder("order_id,product_id,quantity,price\n");
        Map<String, Integer> popularity = new HashMap<>();
        for (Order o : train) {
            for (String p : o.products()) {
                csv.append(o.id()).append(',').append(p).append(",1,").append(prices.get(p)).append('\n');
                popularity.merge(p, 1, Integer::sum);
            }
        }
        long importStart = System.nanoTime();
        String report = send(http, HttpRequest.newBuilder(URI.create(base + "/admin/v1/shops/" + shop + "/orders"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())).build());
        long importMillis = (System.nanoTime() - importStart) / 1_000_000;
        List<String> bestSellers = popularity.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).limit(200).toList();

        Random random = new Random(7);
        int queries = 0, triadHits = 0, popularHits = 0, answered = 0, testOrders = 0;
        List<int[]> perOrder = new java.util.ArrayList<>(); // {Triad hits, popularity hits} of each test order
        Set<String> triadOffered = new HashSet<>(), popularOffered = new HashSet<>();
        long latencyNanos = 0;
        long offeredTotal = 0;
        for (Order o : test) {
            List<String> known = o.products().stream().filter(popularity::containsKey).toList();
            if (known.size() < 2 || testOrders >= maxTest) {
                continue;
            }
            testOrders++;
            int[] hits = new int[2];
            perOrder.add(hits);
            List<String> hiddenOnes = hideEvery ? known : List.of(known.get(random.nextInt(known.size())));
            for (String hidden : hiddenOnes) {
            queries++;
            List<String> cart = known.stream().filter(p -> !p.equals(hidden)).limit(100).toList();
            StringBuilder body = new StringBuilder("{\"placement\":\"cart\",\"currency\":\"USD\",\"cart\":[");
            for (int i = 0; i < cart.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(cart.get(i))
                        .append("\",\"quantity\":1,\"price\":\"").append(prices.get(cart.get(i))).append("\"}");
            }
            body.append("]}");
            long start = System.nanoTime();
            String answer = send(http, HttpRequest.newBuilder(URI.create(base + "/v1/shops/" + shop + "/offers"))
                    .header("X-Triad-Key", publishable).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
            latencyNanos += System.nanoTime() - start;
            List<String> offered = offeredProducts(answer);
            answered += offered.isEmpty() ? 0 : 1;
            offeredTotal += offered.size();
            triadOffered.addAll(offered);
            triadHits += offered.contains(hidden) ? 1 : 0;
            hits[0] += offered.contains(hidden) ? 1 : 0;
            List<String> popular = bestSellers.stream().filter(p -> !cart.contains(p)).limit(3).toList();
            popularOffered.addAll(popular);
            popularHits += popular.contains(hidden) ? 1 : 0;
            hits[1] += popular.contains(hidden) ? 1 : 0;
            }
        }
        int catalog = popularity.size();
        System.out.printf("dataset %s: %d orders (%d train, %d test), %d products in train; import+rebuild %d ms%n",
                dataset, orders.size(), train.size(), test.size(), catalog, importMillis);
        System.out.printf("%d queries (%d test orders with 2+ known products, %s hidden); Triad answered %d "
                + "(%.2f products on average); mean offer call %.2f ms%n",
                queries, testOrders, hideEvery ? "each product in turn" : "one product", answered, (double) offeredTotal / Math.max(1, queries), latencyNanos / 1e6 / Math.max(1, queries));
        System.out.println("| method | hit rate @3 | catalog coverage |");
        System.out.println("| --- | --- | --- |");
        System.out.printf("| Triad | %.4f | %.4f |%n", (double) triadHits / queries, (double) triadOffered.size() / catalog);
        System.out.printf("| popularity (best-sellers not in cart) | %.4f | %.4f |%n", (double) popularHits / queries,
                (double) popularOffered.size() / catalog);
        double[] interval = ratioInterval(perOrder);
        System.out.printf("ratio Triad / popularity: %.2f (95 %% bootstrap interval over %d test orders: %.2f-%.2f)%n",
                (double) triadHits / Math.max(1, popularHits), perOrder.size(), interval[0], interval[1]);
        System.out.println("import report: " + report.replaceAll("\"problems\":\\[.*?\\],", ""));
    }

    /**
     * A 95 % interval for the ratio of hits, by resampling whole test orders (the queries of one order
     * are not independent when every product is hidden in turn): 2,000 resamples, fixed seed.
     */
    static double[] ratioInterval(List<int[]> perOrder) {
        Random random = new Random(11);
        double[] ratios = new double[2000];
        for (int r = 0; r < ratios.length; r++) {
            long triad = 0, popular = 0;
            for (int i = 0; i < perOrder.size(); i++) {
                int[] hits = perOrder.get(random.nextInt(perOrder.size()));
                triad += hits[0];
                popular += hits[1];
            }
            ratios[r] = (double) triad / Math.max(1, popular);
        }
        java.util.Arrays.sort(ratios);
        return new double[] { ratios[49], ratios[1949] };
    }

    /** The first three distinct products of the offers, in tier order. */
    static List<String> offeredProducts(String json) {
        Matcher m = Pattern.compile("\"productId\":\"([^\"]+)\"").matcher(json);
        Set<String> ids = new LinkedHashSet<>();
        while (m.find() && ids.size() < 3) {
            ids.add(m.group(1));
        }
        return new ArrayList<>(ids);
    }

    static List<Order> onlineRetail(Map<String, String> prices) throws Exception {
        Map<String, Order> orders = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of("..", "shared", "data", "online-retail.csv.gz")));
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (NamedCsvRecord r : csv) {
                String invoice = r.getField("InvoiceNo");
                String code = r.getField("StockCode");
                if (invoice.startsWith("C") || Integer.parseInt(r.getField("Quantity")) <= 0 || code.contains(" ")
                        || !r.getField("UnitPrice").matches("\\d+(\\.\\d+)?") || Double.parseDouble(r.getField("UnitPrice")) <= 0) {
                    continue;
                }
                prices.put(code, r.getField("UnitPrice"));
                Order o = orders.computeIfAbsent(invoice, id -> new Order(id, r.getField("InvoiceDate"), new ArrayList<>()));
                if (!o.products().contains(code)) {
                    o.products().add(code);
                }
            }
        }
        return new ArrayList<>(orders.values());
    }

    /** Instacart has no prices and no dates in this sample: every product costs 1.00, order ids stand for time. */
    static List<Order> instacart(Map<String, String> prices) throws Exception {
        Map<String, Order> orders = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of("..", "shared", "data", "instacart", "order_products.csv"));
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in)) {
            for (NamedCsvRecord r : csv) {
                String id = r.getField("order_id");
                String product = r.getField("product_id");
                prices.put(product, "1.00");
                orders.computeIfAbsent(id, k -> new Order(k, String.format("%012d", Long.parseLong(k)), new ArrayList<>()))
                        .products().add(product);
            }
        }
        return new ArrayList<>(orders.values());
    }

    static String send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException(name + " not in " + json);
        }
        return m.group(1);
    }
}
