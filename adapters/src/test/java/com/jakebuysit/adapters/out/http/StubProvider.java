package com.jakebuysit.adapters.out.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that plays a provider: each path answers from a script of
 * behaviours (answer, fail, hang, drop the connection), the last one repeating, and counts the
 * requests it received, so tests prove retry behaviour from the server's side.
 */
final class StubProvider implements AutoCloseable {

    /** What the server does with one request. */
    interface Behaviour {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Map<String, ConcurrentLinkedDeque<Behaviour>> scripts = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final List<String> bodies = Collections.synchronizedList(new ArrayList<>());

    StubProvider() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/", this::dispatch);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests to {@code path} with these behaviours in turn; the last one repeats. */
    StubProvider on(String path, Behaviour... behaviours) {
        ConcurrentLinkedDeque<Behaviour> script = new ConcurrentLinkedDeque<>(List.of(behaviours));
        scripts.put(path, script);
        return this;
    }

    int hits(String path) {
        return hits.getOrDefault(path, new AtomicInteger()).get();
    }

    /** The request bodies received, in order. */
    List<String> bodies() {
        synchronized (bodies) {
            return List.copyOf(bodies);
        }
    }

    static Behaviour json(int status, String body) {
        return answer(status, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    static Behaviour answer(int status, String contentType, byte[] body) {
        return exchange -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    /** Holds the request without answering for {@code duration} (or until the server stops). */
    static Behaviour hang(Duration duration) {
        return exchange -> {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        };
    }

    /** Closes the connection without an answer. */
    static Behaviour drop() {
        return HttpExchange::close;
    }

    private void dispatch(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        ConcurrentLinkedDeque<Behaviour> script = scripts.get(path);
        Behaviour behaviour;
        if (script == null) {
            behaviour = json(404, "{\"error\":\"no such path\"}");
        } else {
            synchronized (script) {
                behaviour = script.size() > 1 ? script.pollFirst() : script.peekFirst();
            }
        }
        behaviour.handle(exchange);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
