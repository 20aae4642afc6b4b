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
 * Offline evaluation of Triad's offers against baselines, through the real offer path.
 *
 * Splits an order history by time (the earlier 80 % train, the later 20 % test), imports the train
 * orders (with their customers and days) into a fresh shop of a running Triad, which rebuilds its
 * sheets and keeps each customer's purchase history; then for each test order of at least two known
 * products hides one product (seeded) or each in turn, asks for offers for the rest and counts a hit
 * when the hidden product is among the first three distinct products offered (tier order). Asked
 * twice: as an anonymous shopper (POST /v1/shops/{shop}/offers) and, for orders with a customer, as
 * that logged-in customer through the App Proxy (their history read). Baselines: the three
 * best-sellers of the train orders not in the cart, and raw co-occurrence (the three products most
 * often in a train order with the cart's products). Also reports catalog coverage.
 *
 * Usage: java -cp fastcsv.jar bench/Evaluate.java DATASET BASE_URL OPERATOR_KEY [MAX_TEST_ORDERS [one|every]]
 *   DATASET: online-retail (../shared/data/online-retail.csv.gz) or instacart (../shared/data/instacart)
 *   TRIAD_SHOPIFY_API_SECRET in the environment: the server's, to sign App Proxy requests.
 */
public class Evaluate {

    record Order(String id, String time, String customer, List<String> products) {
    }

    static final String[] METHODS = {"Triad, anonymous shopper", "Triad, logged-in customer (history)",
            "popularity (best-sellers not in cart)", "raw co-occurrence"};

    public static void main(String[] args) throws Exception {
        String dataset = args[0];
        String base = args[1];
        String operator = args[2];
        int maxTest = args.length > 3 ? Integer.parseInt(args[3]) : 3000;
        // "one": hide one random known product per test order; "every": each in turn (more queries, same orders).
        boolean hideEvery = args.length > 4 && args[4].equals("every");
        String proxySecret = System.getenv("TRIAD_SHOPIFY_API_SECRET");
        // The shop's settings as JSON ({"ownedWindowDays":0} to measure the reminders alone).
        String settings = System.getenv().getOrDefault("EVAL_SETTINGS", "{}");
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
                .PUT(HttpRequest.BodyPublishers.ofString("{\"platform\":\"shopify\",\"currency\":\"USD\",\"settings\":"
                        + settings + "}")).build());
        String publishable = field(created, "publishableKey");
        // Triad judges "due again" by today's date: the history is moved in time so that the last train
        // day is yesterday, and every test order is asked about as of today (the start of the test period).
        long shift = dated(train.get(train.size() - 1).time()) == null ? 0
                : java.time.temporal.ChronoUnit.DAYS.between(dated(train.get(train.size() - 1).time()).toLocalDate(),
                        java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(1));
        StringBuilder csv = new StringBuilder("order_id,product_id,quantity,price,customer_id,created_at\n");
        Map<String, Integer> popularity = new HashMap<>();
        Map<String, Map<String, Integer>> together = new HashMap<>();
        for (Order o : train) {
            for (String p : o.products()) {
                csv.append(o.id()).append(',').append(p).append(",1,").append(prices.get(p)).append(',')
                        .append(o.customer() == null ? "" : o.customer()).append(',')
                        .append(dated(o.time()) == null ? "" : dated(o.time()).plusDays(shift).toString()).append('\n');
                popularity.merge(p, 1, Integer::sum);
            }
            List<String> counted = o.products().subList(0, Math.min(50, o.products().size()));
            for (String p : counted) {
                Map<String, Integer> row = together.computeIfAbsent(p, k -> new HashMap<>());
                counted.forEach(q -> {
                    if (!q.equals(p)) {
                        row.merge(q, 1, Integer::sum);
                    }
                });
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
        int queries = 0, testOrders = 0, withCustomer = 0, buyAgain = 0;
        int[] hitsOf = new int[METHODS.length];
        List<int[]> perOrder = new ArrayList<>(); // hits of each method, per test order
        List<Set<String>> offeredBy = new ArrayList<>();
        for (int m = 0; m < METHODS.length; m++) {
            offeredBy.add(new HashSet<>());
        }
        long latencyNanos = 0;
        for (Order o : test) {
            List<String> known = o.products().stream().filter(popularity::containsKey).toList();
            if (known.size() < 2 || testOrders >= maxTest) {
                continue;
            }
            testOrders++;
            boolean customer = o.customer() != null && proxySecret != null;
            withCustomer += customer ? 1 : 0;
            int[] hits = new int[METHODS.length];
            perOrder.add(hits);
            List<String> hiddenOnes = hideEvery ? known : List.of(known.get(random.nextInt(known.size())));
            for (String hidden : hiddenOnes) {
                queries++;
                List<String> cart = known.stream().filter(p -> !p.equals(hidden)).limit(100).toList();
                String body = cartBody(cart, prices);
                long start = System.nanoTime();
                String anonymous = send(http, HttpRequest.newBuilder(URI.create(base + "/v1/shops/" + shop + "/offers"))
                        .header("X-Triad-Key", publishable).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build());
                latencyNanos += System.nanoTime() - start;
                String loggedIn = customer ? send(http, HttpRequest.newBuilder(URI.create(base + "/proxy/v1/offers?"
                        + proxyQuery(shop, o.customer(), proxySecret))).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build()) : anonymous;
                buyAgain += loggedIn.contains("\"buy_again\"") ? 1 : 0;
                List<List<String>> offered = List.of(offeredProducts(anonymous), offeredProducts(loggedIn),
                        bestSellers.stream().filter(p -> !cart.contains(p)).limit(3).toList(),
                        coOccurring(cart, together));
                for (int m = 0; m < METHODS.length; m++) {
                    offeredBy.get(m).addAll(offered.get(m));
                    int hit = offered.get(m).contains(hidden) ? 1 : 0;
                    hitsOf[m] += hit;
                    hits[m] += hit;
                }
            }
        }
        int catalog = popularity.size();
        System.out.println("shop settings: " + settings);
        System.out.printf("dataset %s: %d orders (%d train, %d test), %d products in train; import+rebuild %d ms%n",
                dataset, orders.size(), train.size(), test.size(), catalog, importMillis);
        System.out.printf("%d queries (%d test orders with 2+ known products, %d of them with a customer; %s hidden); "
                + "mean anonymous offer call %.2f ms; %d logged-in answers held a buy-again reminder%n",
                queries, testOrders, withCustomer, hideEvery ? "each product in turn" : "one product",
                latencyNanos / 1e6 / Math.max(1, queries), buyAgain);
        System.out.println("| method | hit rate @3 | catalog coverage | ratio to popularity (95 % bootstrap interval) |");
        System.out.println("| --- | --- | --- | --- |");
        for (int m = 0; m < METHODS.length; m++) {
            double[] interval = ratioInterval(perOrder, m, 2);
            System.out.printf("| %s | %.4f | %.4f | %.2f (%.2f-%.2f) |%n", METHODS[m], (double) hitsOf[m] / queries,
                    (double) offeredBy.get(m).size() / catalog, (double) hitsOf[m] / Math.max(1, hitsOf[2]),
                    interval[0], interval[1]);
        }
        double[] history = ratioInterval(perOrder, 1, 0);
        System.out.printf("logged-in / anonymous: %.3f (95 %% bootstrap interval %.3f-%.3f)%n",
                (double) hitsOf[1] / Math.max(1, hitsOf[0]), history[0], history[1]);
        double[] cooc = ratioInterval(perOrder, 0, 3);
        System.out.printf("anonymous Triad / raw co-occurrence: %.2f (95 %% bootstrap interval %.2f-%.2f)%n",
                (double) hitsOf[0] / Math.max(1, hitsOf[3]), cooc[0], cooc[1]);
        System.out.println("import report: " + report.replaceAll("\"problems\":\\[.*?\\],", ""));
    }

    /** An Online Retail time ({@code 2010-12-01 08:26:00}); null for Instacart's stand-ins. */
    static java.time.LocalDateTime dated(String time) {
        try {
            return java.time.LocalDateTime.parse(time.replace(' ', 'T'));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    static String cartBody(List<String> cart, Map<String, String> prices) {
        StringBuilder body = new StringBuilder("{\"placement\":\"cart\",\"currency\":\"USD\",\"cart\":[");
        for (int i = 0; i < cart.size(); i++) {
            body.append(i == 0 ? "" : ",").append("{\"productId\":\"").append(cart.get(i))
                    .append("\",\"quantity\":1,\"price\":\"").append(prices.get(cart.get(i))).append("\"}");
        }
        return body.append("]}").toString();
    }

    /** The three products most often in a train order with the cart's products, not in the cart. */
    static List<String> coOccurring(List<String> cart, Map<String, Map<String, Integer>> together) {
        Map<String, Integer> score = new HashMap<>();
        for (String p : cart) {
            together.getOrDefault(p, Map.of()).forEach((q, n) -> score.merge(q, n, Integer::sum));
        }
        return score.entrySet().stream().filter(e -> !cart.contains(e.getKey()))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(3).map(Map.Entry::getKey).toList();
    }

    /** An App Proxy query as Shopify signs it (shopify.dev "Authenticate app proxies"). */
    static String proxyQuery(String shop, String customer, String secret) throws Exception {
        Map<String, String> query = new java.util.TreeMap<>(Map.of("shop", shop, "path_prefix", "/apps/triad",
                "timestamp", String.valueOf(System.currentTimeMillis() / 1000), "logged_in_customer_id", customer));
        StringBuilder message = new StringBuilder();
        java.util.List<String> pairs = new ArrayList<>();
        query.forEach((k, v) -> pairs.add(k + "=" + v));
        java.util.Collections.sort(pairs);
        pairs.forEach(message::append);
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signature = java.util.HexFormat.of().formatHex(mac.doFinal(message.toString().getBytes(StandardCharsets.UTF_8)));
        StringBuilder url = new StringBuilder();
        query.forEach((k, v) -> url.append(k).append('=').append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)).append('&'));
        return url.append("signature=").append(signature).toString();
    }

    /**
     * A 95 % interval for the ratio of the hits of method {@code a} to those of method {@code b}, by
     * resampling whole test orders (the queries of one order are not independent when every product
     * is hidden in turn): 2,000 resamples, fixed seed.
     */
    static double[] ratioInterval(List<int[]> perOrder, int a, int b) {
        Random random = new Random(11);
        double[] ratios = new double[2000];
        for (int r = 0; r < ratios.length; r++) {
            long hitsA = 0, hitsB = 0;
            for (int i = 0; i < perOrder.size(); i++) {
                int[] hits = perOrder.get(random.nextInt(perOrder.size()));
                hitsA += hits[a];
                hitsB += hits[b];
            }
            ratios[r] = (double) hitsA / Math.max(1, hitsB);
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
                String customer = r.getField("CustomerID").replaceAll("\\.0$", "");
                Order o = orders.computeIfAbsent(invoice, id -> new Order(id, r.getField("InvoiceDate"),
                        customer.isEmpty() ? null : customer, new ArrayList<>()));
                if (!o.products().contains(code)) {
                    o.products().add(code);
                }
            }
        }
        return new ArrayList<>(orders.values());
    }

    /** Instacart has no prices, dates or customers in this sample: every product costs 1.00, order ids stand for time. */
    static List<Order> instacart(Map<String, String> prices) throws Exception {
        Map<String, Order> orders = new LinkedHashMap<>();
        try (BufferedReader in = Files.newBufferedReader(Path.of("..", "shared", "data", "instacart", "order_products.csv"));
                CsvReader<NamedCsvRecord> csv = CsvReader.builder().ofNamedCsvRecord(in)) {
            for (NamedCsvRecord r : csv) {
                String id = r.getField("order_id");
                String product = r.getField("product_id");
                prices.put(product, "1.00");
                orders.computeIfAbsent(id, k -> new Order(k, String.format("%012d", Long.parseLong(k)), null, new ArrayList<>()))
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
