package com.jakebuysit.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of {@code GET /api/v1/offers/{id}/stream}, by Server-Sent Events or by WebSocket, as the
 * apps connect: the JDK's HTTP client reading the event stream line by line, or its WebSocket.
 * Every wait is bounded.
 */
abstract class StreamClient implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(15);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    enum Transport {
        SSE, WEBSOCKET;

        /** Connects; fails the test with the status when the server refuses. */
        StreamClient open(int port, String pathAndQuery, Map<String, String> headers) {
            Opened opened = attempt(port, pathAndQuery, headers);
            if (opened.client() == null) {
                fail("the stream was refused with " + opened.status() + ": " + opened.body());
            }
            return opened.client();
        }

        /** Connects, or reports the HTTP status and body of the refusal. */
        Opened attempt(int port, String pathAndQuery, Map<String, String> headers) {
            return this == SSE ? Sse.attempt(port, pathAndQuery, headers) : Ws.attempt(port, pathAndQuery, headers);
        }
    }

    /** Either a connected client, or the refusal's status and body. */
    record Opened(StreamClient client, int status, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The end of a stream: the WebSocket's close code and reason, or -1 for the end of an event stream. */
    record End(int code, String reason) {
    }

    protected final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
    protected final AtomicInteger heartbeats = new AtomicInteger();
    protected final AtomicLong reconnectDelay = new AtomicLong(-1);

    /** The next message, within {@link #WAIT}. */
    JsonNode next() {
        return next(WAIT);
    }

    /** The next message, within {@code wait}. */
    JsonNode next(Duration wait) {
        Object item = poll(wait);
        if (item instanceof End end) {
            fail("the stream ended (" + end + ") where a message was expected");
        }
        return (JsonNode) item;
    }

    /** Waits for the end of the stream; no message may come before it. */
    End awaitEnd() {
        Object item = poll(WAIT);
        if (item instanceof JsonNode message) {
            fail("a message came where the stream should have ended: " + message);
        }
        return (End) item;
    }

    int heartbeats() {
        return heartbeats.get();
    }

    /** The last {@code retry:} an event stream set, in milliseconds; -1 when none did (or for a WebSocket). */
    long reconnectDelay() {
        return reconnectDelay.get();
    }

    private Object poll(Duration wait) {
        try {
            Object item = received.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (item == null) {
                fail("nothing arrived on the stream within " + wait);
            }
            return item;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    /** Leaves without a word: the connection just drops. */
    @Override
    public abstract void close();

    /** Server-Sent Events read line by line on a thread of its own. */
    static final class Sse extends StreamClient {

        private final InputStream body;

        private Sse(InputStream body) {
            this.body = body;
            Thread reader = new Thread(this::read, "sse-test-client");
            reader.setDaemon(true);
            reader.start();
        }

        static Opened attempt(int port, String pathAndQuery, Map<String, String> headers) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
                    .header("Accept", "text/event-stream");
            headers.forEach(request::header);
            try {
                HttpResponse<InputStream> response = HTTP.send(request.GET().build(),
                        HttpResponse.BodyHandlers.ofInputStream());
                if (response.statusCode() != 200) {
                    try (InputStream in = response.body()) {
                        return new Opened(null, response.statusCode(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    }
                }
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("text/event-stream"));
                return new Opened(new Sse(response.body()), 200, "");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private void read() {
            StringBuilder data = new StringBuilder();
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (data.length() > 0) {
                            received.add(parse(data.toString()));
                            data.setLength(0);
                        }
                    } else if (line.startsWith(":")) {
                        heartbeats.incrementAndGet();
                    } else if (line.startsWith("retry:")) {
                        reconnectDelay.set(Long.parseLong(line.substring(6).strip()));
                    } else if (line.startsWith("data:")) {
                        if (data.length() > 0) {
                            data.append('\n');
                        }
                        data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
                    }
                }
                received.add(new End(-1, "end of stream"));
            } catch (IOException e) {
                received.add(new End(-2, e.toString()));
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // Gone either way.
            }
        }
    }

    /** The JDK's WebSocket; each text message is one JSON message. */
    static final class Ws extends StreamClient implements WebSocket.Listener {

        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;

        static Opened attempt(int port, String pathAndQuery, Map<String, String> headers) {
            Ws client = new Ws();
            WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
            headers.forEach(builder::header);
            try {
                client.socket = builder.buildAsync(URI.create("ws://localhost:" + port + pathAndQuery), client)
                        .get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
                return new Opened(client, 101, "");
            } catch (java.util.concurrent.ExecutionException | CompletionException e) {
                if (e.getCause() instanceof WebSocketHandshakeException refused) {
                    Object body = refused.getResponse().body();
                    return new Opened(null, refused.getResponse().statusCode(), body == null ? "" : body.toString());
                }
                throw new IllegalStateException("could not connect the WebSocket", e);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("the WebSocket handshake took longer than " + WAIT, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(parse(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
            heartbeats.incrementAndGet();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            received.add(new End(statusCode, reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            received.add(new End(-2, error.toString()));
        }

        @Override
        public void close() {
            WebSocket current = socket;
            if (current != null) {
                current.abort();
            }
        }
    }
}
