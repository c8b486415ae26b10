import com.jakebuysit.adapters.out.images.PerceptualHash;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Polygon;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Offer pipeline load test: POST /api/v1/offers with real JPEG photos at a fixed (open-loop) rate,
 * follow every offer to a final status over its live stream, report POST→ready latency and
 * throughput. java.net.http + javax.imageio, plus the server's own perceptual hash from the
 * service jar; run as a single-file source program:
 *
 * <pre>java -cp bootstrap/target/jakebuysit.jar scripts/load/OfferLoad.java --base http://localhost:8080 --rate 30 --duration 60s --warmup 45s</pre>
 *
 * Setup (not measured): registers ceil(offers / --per-account) accounts and draws one distinct
 * JPEG per photo (random gradients and shapes, 800×600; the client computes the server's 64-bit
 * DCT perceptual hash (its own class, from the jar) and redraws any picture within 13 bits of another, so no photo
 * looks like another account's and the fraud rules neither flag nor escalate).
 *
 * Run: offer i is due at start + i / rate whatever happened to earlier ones (open loop). Its
 * latency is measured from that due time (equal to the send time while the client keeps up; the
 * dispatch lag is reported) to the moment the client reads the stream event whose offer is
 * {@code ready}. Tracking is by Server-Sent Events (GET /api/v1/offers/{id}/stream, Accept:
 * text/event-stream, bearer token), so the error bar is the event's delivery over loopback
 * (well under a millisecond), not a polling interval. If a stream ends without a final status the
 * offer is polled (GET /api/v1/offers/{id}) every 50 ms instead (±50 ms for those; counted).
 *
 * Exit status: 0 all offers accepted (202) and final; 1 some offer refused (non-202), lost (no
 * answer or 404 afterwards) or stuck (not final --stuck-after past the last send); 2 bad usage or
 * the server unreachable.
 */
public final class OfferLoad {

    /** Catalog items (adapters/src/main/resources/catalog/items.json) that the local providers price. */
    static final List<String> DESCRIPTIONS = List.of(
            "Apple iPhone 13 Pro 256GB",
            "Apple iPhone 12",
            "Apple iPhone 14",
            "Samsung Galaxy S22",
            "Google Pixel 7",
            "Nintendo Switch OLED Model",
            "Nintendo Switch Lite",
            "Sony PlayStation 4 Slim",
            "Microsoft Xbox Series S",
            "Sony WH-1000XM4 headphones",
            "Bose QuietComfort 45",
            "Apple AirPods Pro (2nd generation)",
            "KitchenAid Artisan 5-Quart Tilt-Head Stand Mixer KSM150PS",
            "Instant Pot Duo 7-in-1 6 Quart",
            "Ninja Air Fryer AF101",
            "DeWalt 20V MAX Drill/Driver Kit DCD771C2",
            "Makita 18V LXT Impact Driver XDT131",
            "Milwaukee M18 FUEL Impact Driver 2953-20",
            "Garmin Forerunner 245",
            "Fitbit Charge 5");
    static final List<String> CONDITIONS = List.of("like_new", "good", "good", "fair");
    static final int WIDTH = 800;
    static final int HEIGHT = 600;
    /** A picture within this many bits of another is redrawn (the server flags at ≥ 0.80 similarity, 12 bits). */
    static final int MIN_HASH_DISTANCE = 14;

    public static void main(String[] args) throws Exception {
        Config config;
        try {
            config = Config.parse(args);
        } catch (IllegalArgumentException e) {
            if (e.getMessage().equals("help")) {
                System.out.print(Config.USAGE);
                return;
            }
            System.err.println("error: " + e.getMessage());
            System.err.print(Config.USAGE);
            System.exit(2);
            return;
        }
        System.exit(new OfferLoad(config).run());
    }

    // ------------------------------------------------------------------------------------------
    // configuration

    record Config(URI base, double rate, Duration duration, Duration warmup, int perAccount, Duration stuckAfter,
                  long seed, int registerThreads, int minPhotos, int maxPhotos, List<Long> serverPids, boolean verify,
                  Path jsonOut, List<String> descriptions) {

        static final String USAGE = """
                usage: java -cp bootstrap/target/jakebuysit.jar scripts/load/OfferLoad.java [options]
                  --base URL           server application URL (default http://localhost:8080)
                  --rate N             offers per second, open loop (default 30)
                  --duration D         measured window, e.g. 60s, 2m (default 60s)
                  --warmup D           unmeasured lead-in at the same rate (default 45s)
                  --per-account N      offers per seller account, ≤ 5 (limit 5/hour) (default 4)
                  --photos A-B         photos per offer, uniform in A..B (default 1-2)
                  --stuck-after D      wait this long after the last send for offers to finish (default 30s)
                  --register-threads N concurrent registrations during setup (default 4)
                  --server-pid P[,P]   also report the CPU use of these processes and their children over the
                                       window (Linux /proc): the server JVM, and the embedded PostgreSQL's
                                       postmaster, which runs detached (its pid is in EMBEDDED_DATABASE_DIR/postmaster.pid)
                  --seed N             random seed for photos/descriptions (default: time)
                  --json FILE          also write the summary as JSON
                  --descriptions FILE  one catalog description per line, instead of the built-in list
                  --verify             send each catalog description once (1 photo) and print its final status
                """;

        static Config parse(String[] args) {
            Map<String, String> values = new LinkedHashMap<>();
            boolean verify = false;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--verify")) {
                    verify = true;
                    continue;
                }
                if (arg.equals("--help") || arg.equals("-h")) {
                    throw new IllegalArgumentException("help");
                }
                if (!arg.startsWith("--")) {
                    throw new IllegalArgumentException("unexpected argument " + arg);
                }
                String name = arg.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw new IllegalArgumentException(arg + " needs a value");
                }
                values.put(name, value);
            }
            List<String> known = List.of("base", "rate", "duration", "warmup", "per-account", "photos", "stuck-after",
                    "register-threads", "server-pid", "seed", "json", "descriptions");
            for (String name : values.keySet()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("unknown option --" + name);
                }
            }
            String base = values.getOrDefault("base", "http://localhost:8080").replaceAll("/+$", "");
            double rate = Double.parseDouble(values.getOrDefault("rate", "30"));
            if (!(rate > 0)) {
                throw new IllegalArgumentException("--rate must be positive");
            }
            int perAccount = Integer.parseInt(values.getOrDefault("per-account", "4"));
            if (perAccount < 1 || perAccount > 5) {
                throw new IllegalArgumentException("--per-account must be 1..5 (the velocity rule allows 5 per hour)");
            }
            String[] photos = values.getOrDefault("photos", "1-2").split("-");
            int minPhotos = Integer.parseInt(photos[0]);
            int maxPhotos = Integer.parseInt(photos[photos.length - 1]);
            if (minPhotos < 1 || maxPhotos > 5 || minPhotos > maxPhotos) {
                throw new IllegalArgumentException("--photos must be within 1-5");
            }
            return new Config(URI.create(base), rate, duration(values.getOrDefault("duration", "60s")),
                    duration(values.getOrDefault("warmup", "45s")), perAccount,
                    duration(values.getOrDefault("stuck-after", "30s")),
                    Long.parseLong(values.getOrDefault("seed", Long.toString(System.nanoTime()))),
                    Integer.parseInt(values.getOrDefault("register-threads", "4")), minPhotos, maxPhotos,
                    Arrays.stream(values.getOrDefault("server-pid", "").split(",")).map(String::strip)
                            .filter(v -> !v.isEmpty()).map(Long::parseLong).toList(), verify,
                    values.containsKey("json") ? Path.of(values.get("json")) : null,
                    values.containsKey("descriptions") ? lines(Path.of(values.get("descriptions"))) : DESCRIPTIONS);
        }

        static List<String> lines(Path file) {
            try {
                List<String> lines = Files.readAllLines(file).stream().map(String::strip)
                        .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
                if (lines.isEmpty()) {
                    throw new IllegalArgumentException(file + " holds no descriptions");
                }
                return lines;
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage());
            }
        }

        static Duration duration(String text) {
            String t = text.strip().toLowerCase(Locale.ROOT);
            try {
                if (t.endsWith("ms")) {
                    return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
                }
                if (t.endsWith("s")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
                }
                if (t.endsWith("m")) {
                    return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
                }
                return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad duration " + text + " (use e.g. 500ms, 45s, 2m)");
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // state

    static final class Account {
        final String email;
        final String password;
        /** The client address this seller registers from (X-Forwarded-For; see registerOne). */
        final String address;
        volatile String accessToken;
        volatile String refreshToken;
        volatile long tokenNanos;

        Account(String email, String password, int index) {
            this.email = email;
            this.password = password;
            this.address = "10." + ((index >> 16) & 255) + "." + ((index >> 8) & 255) + "." + (index & 255);
        }
    }

    /** One offer of the run, from its due time to its final status. */
    static final class Tracked {
        final int index;
        final boolean measured;
        final Account account;
        final String description;
        final int photos;
        final byte[] body;
        final String boundary;
        final long dueNanos;
        volatile long sentNanos;
        volatile long acceptedNanos;
        volatile long finalNanos;
        volatile int postStatus;
        volatile String postError;
        volatile String id;
        volatile String lastStatus;
        volatile String finalStatus;
        volatile String note;
        volatile boolean polled;
        volatile int events;
        final CompletableFuture<Void> done = new CompletableFuture<>();

        Tracked(int index, boolean measured, Account account, String description, int photos, byte[] body,
                String boundary, long dueNanos) {
            this.index = index;
            this.measured = measured;
            this.account = account;
            this.description = description;
            this.photos = photos;
            this.body = body;
            this.boundary = boundary;
            this.dueNanos = dueNanos;
        }

        void finish(String status, long atNanos) {
            if (finalStatus == null) {
                finalStatus = status;
                finalNanos = atNanos;
            }
            done.complete(null);
        }

        boolean isFinal() {
            return finalStatus != null;
        }
    }

    static boolean isFinalStatus(String status) {
        return "ready".equals(status) || "escalated".equals(status) || "rejected".equals(status);
    }

    private final Config config;
    private final HttpClient http;
    private final ScheduledExecutorService timers;
    private final AtomicInteger sseFallbacks = new AtomicInteger();
    private final Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();

    OfferLoad(Config config) {
        this.config = config;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.timers = Executors.newScheduledThreadPool(2, runnable -> {
            Thread thread = new Thread(runnable, "poller");
            thread.setDaemon(true);
            return thread;
        });
    }

    // ------------------------------------------------------------------------------------------
    // main flow

    int run() throws Exception {
        try {
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(config.base().resolve("/health"))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
            log("server %s: /health %d %s", config.base(), health.statusCode(), abbreviate(health.body(), 120));
        } catch (IOException e) {
            System.err.println("error: cannot reach " + config.base() + ": " + e);
            return 2;
        }
        return config.verify() ? verify() : load();
    }

    /** Sends every description once and prints where it ended: for checking the catalog list by hand. */
    int verify() throws Exception {
        List<String> descriptions = config.descriptions();
        int n = descriptions.size();
        Random random = new Random(config.seed());
        List<Account> accounts = register((n + config.perAccount() - 1) / config.perAccount(), random);
        List<byte[]> photos = drawPhotos(n, random);
        List<Tracked> offers = new ArrayList<>();
        long now = System.nanoTime();
        for (int i = 0; i < n; i++) {
            String boundary = "----OfferLoad" + Long.toHexString(random.nextLong());
            byte[] body = multipart(boundary, descriptions.get(i), "good", List.of(photos.get(i)));
            offers.add(new Tracked(i, true, accounts.get(i / config.perAccount()), descriptions.get(i), 1, body,
                    boundary, now));
        }
        long deadline = System.nanoTime() + config.stuckAfter().toNanos() + TimeUnit.SECONDS.toNanos(30);
        for (Tracked offer : offers) {
            offer.sentNanos = System.nanoTime();
            submit(offer, deadline);
            offer.done.get(60, TimeUnit.SECONDS);
            Map<String, Object> view = fetch(offer);
            Object item = view == null ? null : view.get("item");
            Object jake = view == null ? null : view.get("jake");
            System.out.printf(Locale.ROOT, "%-58s %-10s %6.0f ms  fmv=%s offer=%s item=%s%s%n", offer.description,
                    offer.finalStatus == null ? "HTTP " + offer.postStatus : offer.finalStatus,
                    (offer.finalNanos - offer.sentNanos) / 1e6, view == null ? "-" : view.get("fmv"),
                    view == null ? "-" : view.get("offerAmount"),
                    item instanceof Map<?, ?> m ? m.get("brand") + " " + m.get("model") : "-",
                    jake instanceof Map<?, ?> j && j.get("script") != null ? "  script=yes" : "");
        }
        long notReady = offers.stream().filter(o -> !"ready".equals(o.finalStatus)).count();
        System.out.println(notReady == 0 ? "all descriptions end ready" : notReady + " descriptions do NOT end ready");
        return notReady == 0 ? 0 : 1;
    }

    int load() throws Exception {
        long warmupCount = Math.round(config.rate() * config.warmup().toMillis() / 1000.0);
        long measuredCount = Math.round(config.rate() * config.duration().toMillis() / 1000.0);
        int total = Math.toIntExact(warmupCount + measuredCount);
        int accountCount = (total + config.perAccount() - 1) / config.perAccount();
        Random random = new Random(config.seed());
        log("plan: %.2f offers/s, warm-up %s (%d offers, not measured) + measured %s (%d offers) = %d offers, "
                + "%d accounts (%d offers each at most), %d-%d photos each, seed %d",
                config.rate(), config.warmup(), warmupCount, config.duration(), measuredCount, total, accountCount,
                config.perAccount(), config.minPhotos(), config.maxPhotos(), config.seed());

        // Setup: photos drawn while the accounts register (the server spends that time on bcrypt).
        int[] photoCounts = new int[total];
        int photoTotal = 0;
        for (int i = 0; i < total; i++) {
            photoCounts[i] = config.minPhotos() + random.nextInt(config.maxPhotos() - config.minPhotos() + 1);
            photoTotal += photoCounts[i];
        }
        long setupStart = System.nanoTime();
        int photoTotalFinal = photoTotal;
        long photoSeed = random.nextLong();
        CompletableFuture<List<byte[]>> drawing = CompletableFuture.supplyAsync(
                () -> drawPhotos(photoTotalFinal, new Random(photoSeed)));
        List<Account> accounts = register(accountCount, random);
        List<byte[]> photos = drawing.get();
        long photoBytes = photos.stream().mapToLong(p -> p.length).sum();
        log("setup done in %.1f s: %d accounts, %d distinct JPEGs (%d×%d, %.0f KB average)",
                (System.nanoTime() - setupStart) / 1e9, accounts.size(), photos.size(), WIDTH, HEIGHT,
                photoBytes / 1024.0 / photos.size());

        // Offers: offer i goes to account i mod accounts (each account's offers spread over the run).
        List<Tracked> offers = new ArrayList<>(total);
        long intervalNanos = Math.round(1e9 / config.rate());
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(500);
        int next = 0;
        for (int i = 0; i < total; i++) {
            List<byte[]> mine = photos.subList(next, next + photoCounts[i]);
            next += photoCounts[i];
            String description = config.descriptions().get(random.nextInt(config.descriptions().size()));
            String condition = CONDITIONS.get(random.nextInt(CONDITIONS.size()));
            String boundary = "----OfferLoad" + Long.toHexString(random.nextLong());
            offers.add(new Tracked(i, i >= warmupCount, accounts.get(i % accountCount), description, mine.size(),
                    multipart(boundary, description, condition, mine), boundary, start + i * intervalNanos));
        }
        photos = null; // the bodies hold the bytes now

        long windowStart = start + warmupCount * intervalNanos;
        long windowEnd = start + total * intervalNanos;
        long deadline = windowEnd + config.stuckAfter().toNanos();
        Sample before = null;
        log("run: warm-up until +%.0f s, measured until +%.0f s, then up to %s for stragglers",
                (windowStart - start) / 1e9, (windowEnd - start) / 1e9, config.stuckAfter());
        Thread progress = progressReporter(offers, start);
        for (Tracked offer : offers) {
            if (offer.index == warmupCount) {
                before = Sample.take(config.serverPids());
            }
            long wait = offer.dueNanos - System.nanoTime();
            while (wait > 0) {
                LockSupport.parkNanos(wait);
                wait = offer.dueNanos - System.nanoTime();
            }
            ensureFreshToken(offer.account);
            offer.sentNanos = System.nanoTime();
            submit(offer, deadline);
        }
        long rest = windowEnd - System.nanoTime();
        if (rest > 0) {
            LockSupport.parkNanos(rest);
        }
        Sample after = Sample.take(config.serverPids());
        if (before == null) {
            before = after;
        }
        log("all %d offers sent; waiting up to %s for the last ones", total, config.stuckAfter());
        for (Tracked offer : offers) {
            long left = deadline - System.nanoTime();
            try {
                offer.done.get(Math.max(1, left), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                // stuck, examined below
            }
        }
        progress.interrupt();
        return report(offers, start, windowStart, windowEnd, before, after);
    }

    // ------------------------------------------------------------------------------------------
    // offers

    private void submit(Tracked offer, long deadlineNanos) {
        HttpRequest post = HttpRequest.newBuilder(config.base().resolve("/api/v1/offers"))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + offer.account.accessToken)
                .header("Content-Type", "multipart/form-data; boundary=" + offer.boundary)
                .header("User-Agent", "OfferLoad")
                .POST(HttpRequest.BodyPublishers.ofByteArray(offer.body))
                .build();
        http.sendAsync(post, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure != null) {
                offer.postError = failure.toString();
                count("POST failed: " + rootCause(failure));
                offer.done.complete(null);
                return;
            }
            offer.postStatus = response.statusCode();
            offer.acceptedNanos = now;
            if (response.statusCode() != 202) {
                offer.postError = abbreviate(response.body(), 300);
                count("POST " + response.statusCode() + ": " + errorCode(response.body()));
                offer.done.complete(null);
                return;
            }
            Map<String, Object> body = Json.object(response.body());
            offer.id = (String) body.get("id");
            String status = (String) body.get("status");
            offer.lastStatus = status;
            if (isFinalStatus(status)) {
                offer.finish(status, now);
                return;
            }
            follow(offer, deadlineNanos);
        });
    }

    /** Follows the offer's live stream; polls instead if the stream ends before a final status. */
    private void follow(Tracked offer, long deadlineNanos) {
        HttpRequest stream = HttpRequest.newBuilder(config.base().resolve("/api/v1/offers/" + offer.id + "/stream"))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + offer.account.accessToken)
                .header("User-Agent", "OfferLoad")
                .GET().build();
        SseSubscriber events = new SseSubscriber(offer);
        http.sendAsync(stream, HttpResponse.BodyHandlers.fromLineSubscriber(events, s -> null, null))
                .whenComplete((response, failure) -> {
                    if (offer.isFinal()) {
                        return;
                    }
                    String why = failure != null ? "stream failed: " + rootCause(failure)
                            : response.statusCode() != 200 ? "stream answered " + response.statusCode()
                            : "stream ended without a final status";
                    count(why);
                    offer.note = why;
                    sseFallbacks.incrementAndGet();
                    poll(offer, deadlineNanos);
                });
    }

    /** Reads Server-Sent Events line by line; each event's data is one JSON message. */
    private final class SseSubscriber implements Flow.Subscriber<String> {
        private final Tracked offer;
        private final StringBuilder data = new StringBuilder();
        private Flow.Subscription subscription;

        SseSubscriber(Tracked offer) {
            this.offer = offer;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                dispatch();
            } else if (line.startsWith("data:")) {
                if (data.length() > 0) {
                    data.append('\n');
                }
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
            // comments (": keep-alive"), "retry:", "id:" and "event:" lines carry nothing needed here
        }

        private void dispatch() {
            if (data.length() == 0) {
                return;
            }
            long now = System.nanoTime();
            String text = data.toString();
            data.setLength(0);
            offer.events++;
            try {
                Object parsed = Json.parse(text);
                if (parsed instanceof Map<?, ?> event && event.get("offer") instanceof Map<?, ?> view) {
                    String status = (String) view.get("status");
                    offer.lastStatus = status;
                    if (isFinalStatus(status)) {
                        offer.finish(status, now);
                    }
                }
            } catch (RuntimeException e) {
                count("unreadable stream event: " + e.getMessage());
            }
        }

        @Override
        public void onError(Throwable throwable) {
            // the response future completes exceptionally; handled there
        }

        @Override
        public void onComplete() {
            dispatch();
        }
    }

    private void poll(Tracked offer, long deadlineNanos) {
        offer.polled = true;
        HttpRequest get = HttpRequest.newBuilder(config.base().resolve("/api/v1/offers/" + offer.id))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + offer.account.accessToken)
                .GET().build();
        http.sendAsync(get, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure == null && response.statusCode() == 200) {
                String status = (String) Json.object(response.body()).get("status");
                offer.lastStatus = status;
                if (isFinalStatus(status)) {
                    offer.finish(status, now);
                    return;
                }
            } else if (failure == null && response.statusCode() == 404) {
                offer.note = "404 on GET after 202: lost";
                offer.finish("lost", now);
                return;
            }
            if (now < deadlineNanos) {
                timers.schedule(() -> poll(offer, deadlineNanos), 50, TimeUnit.MILLISECONDS);
            }
        });
    }

    /** The offer as it stands now (for the report of stuck offers and for --verify). */
    private Map<String, Object> fetch(Tracked offer) {
        if (offer.id == null) {
            return null;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            config.base().resolve("/api/v1/offers/" + offer.id))
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Bearer " + offer.account.accessToken).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                return Json.object(response.body());
            }
            return Map.of("status", "HTTP " + response.statusCode());
        } catch (IOException | InterruptedException e) {
            return Map.of("status", "GET failed: " + e);
        }
    }

    static byte[] multipart(String boundary, String description, String condition, List<byte[]> photos) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(photos.stream().mapToInt(p -> p.length).sum() + 1024);
        String dash = "--" + boundary + "\r\n";
        writeAscii(out, dash + "Content-Disposition: form-data; name=\"description\"\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n");
        out.writeBytes(description.getBytes(StandardCharsets.UTF_8));
        writeAscii(out, "\r\n" + dash + "Content-Disposition: form-data; name=\"condition\"\r\n\r\n" + condition
                + "\r\n");
        for (int i = 0; i < photos.size(); i++) {
            writeAscii(out, dash + "Content-Disposition: form-data; name=\"photos\"; filename=\"photo-" + (i + 1)
                    + ".jpg\"\r\nContent-Type: image/jpeg\r\n\r\n");
            out.writeBytes(photos.get(i));
            writeAscii(out, "\r\n");
        }
        writeAscii(out, "--" + boundary + "--\r\n");
        return out.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    // ------------------------------------------------------------------------------------------
    // accounts

    List<Account> register(int count, Random random) throws Exception {
        String run = Long.toString(Math.abs(random.nextLong()), 36);
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, config.registerThreads()));
        List<Future<Account>> futures = new ArrayList<>();
        AtomicInteger registered = new AtomicInteger();
        for (int i = 0; i < count; i++) {
            String password = "Load-" + Long.toString(Math.abs(random.nextLong()), 36) + "-Zq9";
            Account account = new Account("load-" + run + "-" + i + "@example.com", password, i);
            String name = "Load Seller " + i;
            futures.add(pool.submit(() -> {
                registerOne(account, name);
                int done = registered.incrementAndGet();
                if (done % 100 == 0 && done < count) {
                    log("  registered %d/%d accounts (%.1f/s)", done, count,
                            done / ((System.nanoTime() - started) / 1e9));
                }
                return account;
            }));
        }
        List<Account> accounts = new ArrayList<>();
        try {
            for (Future<Account> future : futures) {
                accounts.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }
        log("registered %d accounts in %.1f s", count, (System.nanoTime() - started) / 1e9);
        return accounts;
    }

    private void registerOne(Account account, String name) throws Exception {
        String body = "{\"email\":\"" + account.email + "\",\"password\":\"" + account.password + "\",\"name\":\""
                + name + "\"}";
        // Sellers sign up from their own addresses, not all from this one: a server started with
        // TRUSTED_PROXIES=127.0.0.1/32 counts each registration against its seller's address, as
        // behind a load balancer (any other server ignores the header and counts them all here).
        HttpRequest request = HttpRequest.newBuilder(config.base().resolve("/api/v1/auth/register"))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", account.address)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        for (int attempt = 1; ; attempt++) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                if (attempt >= 5) {
                    throw e;
                }
                Thread.sleep(500L * attempt);
                continue;
            }
            if (response.statusCode() == 201 || response.statusCode() == 200) {
                Map<String, Object> answer = Json.object(response.body());
                account.accessToken = (String) answer.get("accessToken");
                account.refreshToken = (String) answer.get("refreshToken");
                account.tokenNanos = System.nanoTime();
                return;
            }
            if (response.statusCode() == 429 || response.statusCode() >= 500) {
                if (attempt >= 20) {
                    throw new IllegalStateException("register " + account.email + ": " + response.statusCode() + " "
                            + response.body());
                }
                long seconds = response.headers().firstValue("Retry-After").map(Long::parseLong).orElse(1L);
                Thread.sleep(TimeUnit.SECONDS.toMillis(Math.max(1, seconds)));
                continue;
            }
            throw new IllegalStateException("register " + account.email + ": " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Access tokens live 15 minutes by default; a long run refreshes them (before the offer is due). */
    private void ensureFreshToken(Account account) {
        if (System.nanoTime() - account.tokenNanos < TimeUnit.MINUTES.toNanos(10)) {
            return;
        }
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                            config.base().resolve("/api/v1/auth/refresh"))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"refreshToken\":\"" + account.refreshToken + "\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Map<String, Object> answer = Json.object(response.body());
                account.accessToken = (String) answer.get("accessToken");
                account.refreshToken = (String) answer.get("refreshToken");
                account.tokenNanos = System.nanoTime();
            } else {
                count("token refresh " + response.statusCode());
            }
        } catch (IOException | InterruptedException e) {
            count("token refresh failed: " + e);
        }
    }

    // ------------------------------------------------------------------------------------------
    // photos

    /** Draws {@code count} distinct JPEGs in parallel; none within MIN_HASH_DISTANCE bits of another. */
    static List<byte[]> drawPhotos(int count, Random random) {
        long started = System.nanoTime();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        long[] seeds = new long[count];
        for (int i = 0; i < count; i++) {
            seeds[i] = random.nextLong();
        }
        byte[][] jpegs = new byte[count][];
        long[] hashes = new long[count];
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    BufferedImage image = draw(new Random(seeds[index]));
                    hashes[index] = PerceptualHash.of(image);
                    jpegs[index] = jpeg(image, 0.85f);
                }));
            }
            for (Future<?> future : futures) {
                future.get();
            }
            // Redraw any picture too close to an earlier one (rare: unrelated pictures are ~32 bits apart).
            int redrawn = 0;
            for (int i = 1; i < count; i++) {
                long seed = seeds[i];
                while (closest(hashes, i) < MIN_HASH_DISTANCE) {
                    seed = seed * 6364136223846793005L + 1442695040888963407L;
                    BufferedImage image = draw(new Random(seed));
                    hashes[i] = PerceptualHash.of(image);
                    jpegs[i] = jpeg(image, 0.85f);
                    redrawn++;
                }
            }
            int minDistance = 64;
            for (int i = 0; i < count; i++) {
                minDistance = Math.min(minDistance, closest(hashes, i));
            }
            log("drew %d photos in %.1f s on %d threads (%d redrawn; closest pair %d bits apart = similarity %.3f)",
                    count, (System.nanoTime() - started) / 1e9, threads, redrawn, count > 1 ? minDistance : 64,
                    1 - (count > 1 ? minDistance : 64) / 64.0);
        } catch (Exception e) {
            throw new IllegalStateException("drawing photos failed", e);
        } finally {
            pool.shutdownNow();
        }
        return Arrays.asList(jpegs);
    }

    /** The distance from hashes[i] to the closest hashes[j], j < i (all j when i is the last checked). */
    private static int closest(long[] hashes, int i) {
        int best = 64;
        for (int j = 0; j < hashes.length; j++) {
            if (j != i) {
                best = Math.min(best, Long.bitCount(hashes[i] ^ hashes[j]));
            }
        }
        return best;
    }

    /** A "photo": a two-colour gradient background, a vignette and a dozen random shapes. */
    static BufferedImage draw(Random r) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(r.nextInt(WIDTH), r.nextInt(HEIGHT), color(r), r.nextInt(WIDTH),
                r.nextInt(HEIGHT), color(r)));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        int shapes = 8 + r.nextInt(12);
        for (int s = 0; s < shapes; s++) {
            int x = r.nextInt(WIDTH);
            int y = r.nextInt(HEIGHT);
            int w = 40 + r.nextInt(WIDTH / 2);
            int h = 40 + r.nextInt(HEIGHT / 2);
            Color a = color(r);
            Color b = color(r);
            if (r.nextBoolean()) {
                g.setPaint(new GradientPaint(x, y, a, x + w, y + h, b));
            } else {
                g.setColor(a);
            }
            switch (r.nextInt(5)) {
                case 0 -> g.fill(new Ellipse2D.Double(x - w / 2.0, y - h / 2.0, w, h));
                case 1 -> g.fillRect(x - w / 2, y - h / 2, w, h);
                case 2 -> g.fill(new RoundRectangle2D.Double(x - w / 2.0, y - h / 2.0, w, h, 30, 30));
                case 3 -> {
                    Polygon polygon = new Polygon();
                    int corners = 3 + r.nextInt(4);
                    for (int c = 0; c < corners; c++) {
                        polygon.addPoint(x + r.nextInt(w) - w / 2, y + r.nextInt(h) - h / 2);
                    }
                    g.fill(polygon);
                }
                default -> {
                    g.setStroke(new BasicStroke(4 + r.nextInt(20)));
                    g.drawLine(x, y, r.nextInt(WIDTH), r.nextInt(HEIGHT));
                }
            }
        }
        // light and sensor noise, so the JPEG is photo-sized rather than a few kilobytes
        g.setPaint(new RadialGradientPaint(WIDTH / 2f, HEIGHT / 2f, WIDTH * 0.75f, new float[] {0f, 1f},
                new Color[] {new Color(255, 255, 255, 0), new Color(0, 0, 0, 110)}));
        g.fillRect(0, 0, WIDTH, HEIGHT);
        g.dispose();
        int[] row = new int[WIDTH];
        long state = r.nextLong() | 1;
        for (int y = 0; y < HEIGHT; y++) {
            image.getRGB(0, y, WIDTH, 1, row, 0, WIDTH);
            for (int x = 0; x < WIDTH; x++) {
                state ^= state << 13; // xorshift: java.util.Random per pixel would double the drawing time
                state ^= state >>> 7;
                state ^= state << 17;
                int noise = (int) ((state >>> 40) % 13) - 6;
                int rgb = row[x];
                row[x] = (clamp(((rgb >> 16) & 0xFF) + noise) << 16) | (clamp(((rgb >> 8) & 0xFF) + noise) << 8)
                        | clamp((rgb & 0xFF) + noise);
            }
            image.setRGB(0, y, WIDTH, 1, row, 0, WIDTH);
        }
        return image;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(255, v);
    }

    private static Color color(Random r) {
        return new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256));
    }

    static byte[] jpeg(BufferedImage image, float quality) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(128 * 1024);
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(quality);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    // ------------------------------------------------------------------------------------------
    // report

    /** CPU and load at one moment (client process, optionally the server process, the machine). */
    record Sample(long nanos, long clientCpuNanos, long serverCpuTicks, String loadAverage) {
        /**
         * CPU ticks (utime + stime, USER_HZ) of a process and all its descendants, read from /proc: the
         * server JVM and the embedded PostgreSQL it started. -1 when /proc cannot be read.
         */
        static long treeCpuTicks(long root) {
            Map<Long, long[]> byPid = new java.util.HashMap<>(); // pid -> {ppid, ticks}
            try (var dirs = Files.list(Path.of("/proc"))) {
                for (Path dir : (Iterable<Path>) dirs::iterator) {
                    String name = dir.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(dir.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        byPid.put(Long.parseLong(name), new long[] {Long.parseLong(f[1]),
                                Long.parseLong(f[11]) + Long.parseLong(f[12])});
                    } catch (IOException | RuntimeException gone) {
                        // the process ended meanwhile
                    }
                }
            } catch (IOException | RuntimeException e) {
                return -1;
            }
            if (!byPid.containsKey(root)) {
                return -1;
            }
            long total = 0;
            java.util.ArrayDeque<Long> todo = new java.util.ArrayDeque<>(List.of(root));
            while (!todo.isEmpty()) {
                long pid = todo.pop();
                total += byPid.get(pid)[1];
                byPid.forEach((child, v) -> {
                    if (v[0] == pid) {
                        todo.push(child);
                    }
                });
            }
            return total;
        }

        static Sample take(List<Long> serverPids) {
            long cpu = -1;
            if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
                cpu = os.getProcessCpuTime();
            }
            long server = serverPids.isEmpty() ? -1 : 0;
            for (long pid : serverPids) {
                long ticks = treeCpuTicks(pid);
                server = ticks < 0 || server < 0 ? -1 : server + ticks;
            }
            String load;
            try {
                String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
                load = parts[0] + " " + parts[1] + " " + parts[2];
            } catch (IOException | RuntimeException e) {
                load = String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage());
            }
            return new Sample(System.nanoTime(), cpu, server, load);
        }
    }

    private Thread progressReporter(List<Tracked> offers, long start) {
        Thread thread = new Thread(() -> {
            try {
                while (true) {
                    Thread.sleep(10_000);
                    long now = System.nanoTime();
                    long sent = offers.stream().filter(o -> o.sentNanos != 0).count();
                    long finals = offers.stream().filter(Tracked::isFinal).count();
                    long ready = offers.stream().filter(o -> "ready".equals(o.finalStatus)).count();
                    long failed = offers.stream().filter(o -> o.postStatus != 0 && o.postStatus != 202
                            || o.postError != null).count();
                    log("  +%3.0f s: sent %d, final %d (ready %d), in flight %d, refused/failed %d, load %s",
                            (now - start) / 1e9, sent, finals, ready, sent - finals - failed, failed,
                            Sample.take(List.of()).loadAverage());
                }
            } catch (InterruptedException e) {
                // done
            }
        }, "progress");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    int report(List<Tracked> offers, long start, long windowStart, long windowEnd, Sample before, Sample after) {
        double window = (windowEnd - windowStart) / 1e9;
        List<Tracked> measured = offers.stream().filter(o -> o.measured).toList();
        Map<String, Object> summary = new LinkedHashMap<>();
        System.out.println();
        System.out.println("=== OfferLoad results ===");
        System.out.printf(Locale.ROOT, "target %.2f offers/s; measured window %.1f s after %.1f s warm-up%n",
                config.rate(), window, (windowStart - start) / 1e9);
        summary.put("rate", config.rate());
        summary.put("windowSeconds", window);
        summary.put("warmupSeconds", (windowStart - start) / 1e9);

        for (String phase : List.of("all", "measured")) {
            List<Tracked> set = phase.equals("all") ? offers : measured;
            long sent = set.size();
            long accepted = set.stream().filter(o -> o.postStatus == 202).count();
            Map<String, Long> refused = new TreeMap<>();
            for (Tracked o : set) {
                if (o.postStatus != 202) {
                    refused.merge(o.postStatus == 0 ? "no answer" : Integer.toString(o.postStatus), 1L, Long::sum);
                }
            }
            long ready = set.stream().filter(o -> "ready".equals(o.finalStatus)).count();
            long escalated = set.stream().filter(o -> "escalated".equals(o.finalStatus)).count();
            long rejected = set.stream().filter(o -> "rejected".equals(o.finalStatus)).count();
            long lost = set.stream().filter(o -> "lost".equals(o.finalStatus)).count();
            long stuck = set.stream().filter(o -> o.postStatus == 202 && !o.isFinal()).count();
            System.out.printf(Locale.ROOT, "%-9s sent %d, 202 %d, non-202 %s | ready %d, escalated %d, rejected %d,"
                    + " lost %d, stuck %d%n", phase + ":", sent, accepted, refused.isEmpty() ? "0" : refused, ready,
                    escalated, rejected, lost, stuck);
            Map<String, Object> counts = new LinkedHashMap<>();
            counts.put("sent", sent);
            counts.put("accepted202", accepted);
            counts.put("non202", refused);
            counts.put("ready", ready);
            counts.put("escalated", escalated);
            counts.put("rejected", rejected);
            counts.put("lost", lost);
            counts.put("stuck", stuck);
            summary.put(phase, counts);
        }

        long[] readyLatency = measured.stream().filter(o -> "ready".equals(o.finalStatus))
                .mapToLong(o -> o.finalNanos - o.dueNanos).sorted().toArray();
        long[] postLatency = measured.stream().filter(o -> o.postStatus == 202)
                .mapToLong(o -> o.acceptedNanos - o.dueNanos).sorted().toArray();
        long[] afterAccept = measured.stream().filter(o -> "ready".equals(o.finalStatus))
                .mapToLong(o -> o.finalNanos - o.acceptedNanos).sorted().toArray();
        long[] lag = measured.stream().filter(o -> o.sentNanos != 0).mapToLong(o -> o.sentNanos - o.dueNanos)
                .sorted().toArray();
        System.out.println("latency of measured offers, ms (from the offer's due/send time):");
        summary.put("readyLatencyMs", percentiles("  POST → ready (the figure)", readyLatency));
        summary.put("acceptLatencyMs", percentiles("  POST → 202", postLatency));
        summary.put("pipelineLatencyMs", percentiles("  202 → ready", afterAccept));
        summary.put("dispatchLagMs", percentiles("  client dispatch lag", lag));

        long readyInWindow = offers.stream().filter(o -> "ready".equals(o.finalStatus)
                && o.finalNanos >= windowStart && o.finalNanos < windowEnd).count();
        long measuredReady = readyLatency.length;
        long measuredSent202 = measured.stream().filter(o -> o.postStatus == 202).count();
        double achieved = readyInWindow / window;
        System.out.printf(Locale.ROOT, "throughput: %.2f offers/s reached ready during the window (%d in %.1f s);"
                + " measured offers: %d of %d ready (%.2f/s of offered %.2f/s)%n", achieved, readyInWindow, window,
                measuredReady, measured.size(), measuredReady / window, measured.size() / window);
        summary.put("achievedReadyPerSecond", achieved);
        summary.put("measuredReadyPerSecond", measuredReady / window);

        // per 10 s: is a backlog building? (latency by due time, completions by finish time)
        System.out.println("timeline (10 s buckets, M = measured; by due time: sent, p50/p95 POST→ready ms; "
                + "ready events that happened in the bucket):");
        long bucket = TimeUnit.SECONDS.toNanos(10);
        long end = offers.get(offers.size() - 1).dueNanos;
        // buckets aligned on the window's start, so each is wholly warm-up or wholly measured
        long first = windowStart - ((windowStart - start + bucket - 1) / bucket) * bucket;
        for (long from = first; from <= end; from += bucket) {
            long lo = from;
            long hi = from + bucket;
            long[] lat = offers.stream().filter(o -> o.dueNanos >= lo && o.dueNanos < hi
                    && "ready".equals(o.finalStatus)).mapToLong(o -> o.finalNanos - o.dueNanos).sorted().toArray();
            long due = offers.stream().filter(o -> o.dueNanos >= lo && o.dueNanos < hi).count();
            long done = offers.stream().filter(o -> "ready".equals(o.finalStatus) && o.finalNanos >= lo
                    && o.finalNanos < hi).count();
            System.out.printf(Locale.ROOT, "  %+5.0f s %s sent %4d  p50 %6s  p95 %6s  ready %4d (%.1f/s)%n",
                    (lo - start) / 1e9, lo >= windowStart && lo < windowEnd ? "M" : " ", due,
                    lat.length == 0 ? "-" : String.format(Locale.ROOT, "%.0f", pct(lat, 0.50) / 1e6),
                    lat.length == 0 ? "-" : String.format(Locale.ROOT, "%.0f", pct(lat, 0.95) / 1e6), done,
                    done / 10.0);
        }

        double wall = (after.nanos() - before.nanos()) / 1e9;
        if (before.clientCpuNanos() >= 0 && wall > 0) {
            double cores = (after.clientCpuNanos() - before.clientCpuNanos()) / 1e9 / wall;
            System.out.printf(Locale.ROOT, "client CPU over the window: %.2f cores (%.1f s CPU in %.1f s)%n", cores,
                    (after.clientCpuNanos() - before.clientCpuNanos()) / 1e9, wall);
            summary.put("clientCpuCores", cores);
        }
        if (before.serverCpuTicks() >= 0 && after.serverCpuTicks() >= 0 && wall > 0) {
            double cores = (after.serverCpuTicks() - before.serverCpuTicks()) / 100.0 / wall; // USER_HZ = 100
            System.out.printf(Locale.ROOT, "server CPU over the window (pids %s and their children): %.2f cores, "
                    + "%.0f ms CPU per offer that reached ready%n", config.serverPids(), cores,
                    readyInWindow == 0 ? 0 : cores * wall * 1000 / readyInWindow);
            summary.put("serverCpuCores", cores);
        }
        System.out.printf(Locale.ROOT, "load average (1/5/15 min) at window start: %s, at window end: %s (%d CPUs)%n",
                before.loadAverage(), after.loadAverage(), Runtime.getRuntime().availableProcessors());
        summary.put("loadAverageStart", before.loadAverage());
        summary.put("loadAverageEnd", after.loadAverage());
        System.out.printf(Locale.ROOT, "tracking: live stream (SSE) for every offer; %d fell back to 50 ms polling%n",
                sseFallbacks.get());
        summary.put("pollingFallbacks", sseFallbacks.get());
        if (!errors.isEmpty()) {
            System.out.println("errors seen:");
            new TreeMap<>(errors).forEach((what, n) -> System.out.printf("  %5d × %s%n", n.get(), what));
        }
        summary.put("errors", new TreeMap<>(errors));

        List<Tracked> notFinal = offers.stream().filter(o -> o.postStatus == 202 && !o.isFinal()
                || "lost".equals(o.finalStatus)).toList();
        for (Tracked o : notFinal.subList(0, Math.min(20, notFinal.size()))) {
            Map<String, Object> now = fetch(o);
            System.out.printf("  not final: offer %s (#%d, %s): last streamed status %s, now %s%s%n", o.id, o.index,
                    o.description, o.lastStatus, now == null ? "?" : now.get("status"),
                    o.note == null ? "" : " [" + o.note + "]");
        }
        List<Tracked> odd = offers.stream().filter(o -> "escalated".equals(o.finalStatus)
                || "rejected".equals(o.finalStatus)).toList();
        for (Tracked o : odd.subList(0, Math.min(10, odd.size()))) {
            System.out.printf("  %s: offer %s (%s)%n", o.finalStatus, o.id, o.description);
        }
        List<Tracked> refusedOffers = offers.stream().filter(o -> o.postStatus != 202).toList();
        for (Tracked o : refusedOffers.subList(0, Math.min(10, refusedOffers.size()))) {
            System.out.printf("  refused: #%d HTTP %d %s%n", o.index, o.postStatus, o.postError);
        }

        long bad = offers.stream().filter(o -> o.postStatus != 202 || !o.isFinal()
                || "lost".equals(o.finalStatus)).count();
        summary.put("ok", bad == 0);
        System.out.printf(Locale.ROOT, "SUMMARY rate=%.2f p50=%.0fms p95=%.0fms p99=%.0fms max=%.0fms achieved=%.2f/s"
                + " ready=%d escalated=%d rejected=%d non202=%d stuck_or_lost=%d load=\"%s\" -> %s%n",
                config.rate(), pct(readyLatency, 0.50) / 1e6, pct(readyLatency, 0.95) / 1e6,
                pct(readyLatency, 0.99) / 1e6, readyLatency.length == 0 ? 0 : readyLatency[readyLatency.length - 1] / 1e6,
                achieved, offers.stream().filter(o -> "ready".equals(o.finalStatus)).count(),
                offers.stream().filter(o -> "escalated".equals(o.finalStatus)).count(),
                offers.stream().filter(o -> "rejected".equals(o.finalStatus)).count(),
                offers.stream().filter(o -> o.postStatus != 202).count(),
                offers.stream().filter(o -> o.postStatus == 202 && (!o.isFinal() || "lost".equals(o.finalStatus)))
                        .count(),
                after.loadAverage(), bad == 0 ? "OK" : "FAILED (offers refused, lost or stuck)");
        if (config.jsonOut() != null) {
            try {
                Files.writeString(config.jsonOut(), Json.write(summary) + "\n");
            } catch (IOException e) {
                System.err.println("could not write " + config.jsonOut() + ": " + e);
            }
        }
        return bad == 0 ? 0 : 1;
    }

    private static Map<String, Object> percentiles(String label, long[] sorted) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", sorted.length);
        if (sorted.length == 0) {
            System.out.printf("%-28s n=0%n", label);
            return out;
        }
        double p50 = pct(sorted, 0.50) / 1e6;
        double p95 = pct(sorted, 0.95) / 1e6;
        double p99 = pct(sorted, 0.99) / 1e6;
        double max = sorted[sorted.length - 1] / 1e6;
        double min = sorted[0] / 1e6;
        System.out.printf(Locale.ROOT, "%-28s n=%-5d p50 %7.1f  p95 %7.1f  p99 %7.1f  max %7.1f  (min %.1f)%n", label,
                sorted.length, p50, p95, p99, max, min);
        out.put("p50", round(p50));
        out.put("p95", round(p95));
        out.put("p99", round(p99));
        out.put("max", round(max));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Nearest-rank percentile of a sorted array (nanoseconds); 0 when empty. */
    static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private void count(String what) {
        errors.computeIfAbsent(abbreviate(what, 160), k -> new AtomicInteger()).incrementAndGet();
    }

    private static String rootCause(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static String errorCode(String body) {
        try {
            Object code = Json.object(body).get("code");
            return code == null ? abbreviate(body, 80) : code.toString();
        } catch (RuntimeException e) {
            return abbreviate(body, 80);
        }
    }

    private static String abbreviate(String text, int max) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= max ? flat : flat.substring(0, max) + "…";
    }

    static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[%tT] " + format + "%n", prepend(System.currentTimeMillis(), args));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    // ------------------------------------------------------------------------------------------
    // a minimal JSON reader/writer (objects, arrays, strings, numbers, booleans, null)

    static final class Json {
        private final String text;
        private int at;

        private Json(String text) {
            this.text = text;
        }

        @SuppressWarnings("unchecked")
        static Map<String, Object> object(String text) {
            Object value = parse(text);
            if (value instanceof Map<?, ?> map) {
                return (Map<String, Object>) map;
            }
            throw new IllegalArgumentException("not a JSON object: " + abbreviate(text, 80));
        }

        static Object parse(String text) {
            Json json = new Json(text);
            Object value = json.value();
            json.space();
            if (json.at != text.length()) {
                throw new IllegalArgumentException("trailing characters in JSON at " + json.at);
            }
            return value;
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw new IllegalArgumentException("JSON ends early");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{': {
                    at++;
                    Map<String, Object> map = new LinkedHashMap<>();
                    space();
                    if (peek('}')) {
                        return map;
                    }
                    do {
                        space();
                        String key = string();
                        space();
                        expect(':');
                        map.put(key, value());
                        space();
                    } while (peek(','));
                    expect('}');
                    return map;
                }
                case '[': {
                    at++;
                    List<Object> list = new ArrayList<>();
                    space();
                    if (peek(']')) {
                        return list;
                    }
                    do {
                        list.add(value());
                        space();
                    } while (peek(','));
                    expect(']');
                    return list;
                }
                case '"':
                    return string();
                case 't':
                    word("true");
                    return Boolean.TRUE;
                case 'f':
                    word("false");
                    return Boolean.FALSE;
                case 'n':
                    word("null");
                    return null;
                default: {
                    int from = at;
                    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
                        at++;
                    }
                    if (from == at) {
                        throw new IllegalArgumentException("unexpected '" + c + "' in JSON at " + at);
                    }
                    return Double.parseDouble(text.substring(from, at));
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            }
        }

        private void word(String word) {
            if (!text.startsWith(word, at)) {
                throw new IllegalArgumentException("bad JSON literal at " + at);
            }
            at += word.length();
        }

        private boolean peek(char c) {
            if (at < text.length() && text.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw new IllegalArgumentException("expected '" + c + "' in JSON at " + at);
            }
        }

        private void space() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        static String write(Object value) {
            if (value == null) {
                return "null";
            }
            if (value instanceof Map<?, ?> map) {
                StringBuilder out = new StringBuilder("{");
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(write(entry.getKey().toString())).append(':').append(write(entry.getValue()));
                }
                return out.append('}').toString();
            }
            if (value instanceof List<?> list) {
                StringBuilder out = new StringBuilder("[");
                for (Object item : list) {
                    if (out.length() > 1) {
                        out.append(',');
                    }
                    out.append(write(item));
                }
                return out.append(']').toString();
            }
            if (value instanceof Number || value instanceof Boolean) {
                return value.toString();
            }
            if (value instanceof AtomicInteger n) {
                return Integer.toString(n.get());
            }
            StringBuilder out = new StringBuilder("\"");
            for (char c : value.toString().toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.append('"').toString();
        }
    }
}
