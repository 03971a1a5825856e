package org.tregflow.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real headless Chromium driven over the DevTools protocol with the JDK's own WebSocket client (no Node, no
 * Selenium): loads a page, records every console error, uncaught exception, failed load and error-level log
 * entry, evaluates expressions, and takes full-page screenshots. Test support only.
 */
final class HeadlessChromium implements Closeable {
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final List<String> stderr = new CopyOnWriteArrayList<>();
    private volatile CompletableFuture<Void> loaded = new CompletableFuture<>();
    private String session;

    /** The chromium executable: $CHROMIUM, or chromium / chromium-browser / google-chrome on the PATH. */
    static Path find() {
        String env = System.getenv("CHROMIUM");
        if (env != null && Files.isExecutable(Path.of(env))) {
            return Path.of(env);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    HeadlessChromium(Path executable, int width, int height) throws IOException, InterruptedException {
        profile = Files.createTempDirectory("tregflow-chromium");
        process = new ProcessBuilder(executable.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--no-default-browser-check", "--disable-extensions", "--hide-scrollbars",
                "--remote-debugging-port=0", "--remote-allow-origins=*", "--user-data-dir=" + profile,
                "--window-size=" + width + "," + height, "about:blank")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    stderr.add(line);
                    Matcher m = DEVTOOLS.matcher(line);
                    if (m.find()) {
                        url.complete(m.group(1));
                    }
                }
            } catch (IOException ignored) {
                // the process ended; the future below times out with the captured stderr
            }
            url.completeExceptionally(new IOException("chromium exited: " + String.join("\n", stderr)));
        }, "chromium-stderr");
        reader.setDaemon(true);
        reader.start();
        String ws;
        try {
            ws = url.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IOException("chromium did not start its DevTools endpoint: " + e.getMessage()
                    + "\n" + String.join("\n", stderr), e);
        }
        socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                .buildAsync(URI.create(ws), new Listener()).join();
        JsonNode target = send(null, "Target.createTarget", Map.of("url", "about:blank"));
        session = send(null, "Target.attachToTarget", Map.of("targetId", target.get("targetId").asText(),
                "flatten", true)).get("sessionId").asText();
        for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
            send(session, domain + ".enable", Map.of());
        }
        send(session, "Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", false));
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder buffer = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            buffer.append(data);
            if (last) {
                String text = buffer.toString();
                buffer.setLength(0);
                try {
                    handle(JSON.readTree(text));
                } catch (IOException e) {
                    problems.add("unreadable DevTools message: " + e.getMessage());
                }
            }
            ws.request(1);
            return null;
        }
    }

    private void handle(JsonNode msg) {
        if (msg.has("id")) {
            CompletableFuture<JsonNode> f = pending.remove(msg.get("id").asInt());
            if (f != null) {
                if (msg.has("error")) {
                    f.completeExceptionally(new IOException("DevTools error: " + msg.get("error")));
                } else {
                    f.complete(msg.get("result"));
                }
            }
            return;
        }
        String method = msg.path("method").asText();
        JsonNode p = msg.path("params");
        switch (method) {
            case "Page.loadEventFired" -> loaded.complete(null);
            case "Runtime.consoleAPICalled" -> {
                String type = p.path("type").asText();
                if (type.equals("error") || type.equals("assert") || type.equals("warning")) {
                    problems.add("console." + type + ": " + p.path("args"));
                }
            }
            case "Runtime.exceptionThrown" -> problems.add("uncaught exception: " + p.path("exceptionDetails"));
            case "Log.entryAdded" -> {
                JsonNode e = p.path("entry");
                if (e.path("level").asText().equals("error")) {
                    problems.add("log error: " + e.path("text").asText() + " " + e.path("url").asText());
                }
            }
            case "Network.loadingFailed" -> problems.add("load failed: " + p.path("errorText").asText() + " "
                    + p.path("requestId").asText());
            case "Network.requestWillBeSent" -> {
                String u = p.path("request").path("url").asText();
                if (!u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("about:")) {
                    problems.add("network request: " + u);
                }
            }
            default -> {
            }
        }
    }

    JsonNode send(String sessionId, String method, Map<String, ?> params) throws IOException {
        int id = ids.incrementAndGet();
        ObjectNode msg = JSON.createObjectNode();
        msg.put("id", id);
        msg.put("method", method);
        msg.set("params", JSON.valueToTree(params));
        if (sessionId != null) {
            msg.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> f = new CompletableFuture<>();
        pending.put(id, f);
        socket.sendText(JSON.writeValueAsString(msg), true).join();
        try {
            return f.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException(method + " failed: " + e.getMessage(), e);
        }
    }

    /** Navigates and waits for the load event plus a short settle time for late console messages. */
    void open(Path page) throws IOException, InterruptedException {
        loaded = new CompletableFuture<>();
        send(session, "Page.navigate", Map.of("url", page.toUri().toString()));
        try {
            loaded.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IOException("page did not load: " + page, e);
        }
        Thread.sleep(500);
    }

    /** Evaluates a JavaScript expression in the page and returns its JSON value. */
    JsonNode eval(String expression) throws IOException {
        JsonNode r = send(session, "Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
        if (r.has("exceptionDetails")) {
            throw new IOException("evaluation failed: " + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** A PNG of the whole page (the viewport's width, the document's height). */
    byte[] screenshot() throws IOException {
        return screenshot(Double.POSITIVE_INFINITY);
    }

    /** A PNG of the page from the top, at most {@code maxHeight} CSS pixels tall. */
    byte[] screenshot(double maxHeight) throws IOException {
        double height = Math.min(maxHeight, eval("document.documentElement.scrollHeight").asDouble());
        JsonNode r = send(session, "Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", eval("document.documentElement.scrollWidth").asDouble(),
                        "height", height, "scale", 1)));
        return Base64.getDecoder().decode(r.get("data").asText());
    }

    List<String> problems() {
        return new ArrayList<>(problems);
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendText("{\"id\":" + ids.incrementAndGet() + ",\"method\":\"Browser.close\"}", true)
                    .get(5, TimeUnit.SECONDS);
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // fall through to destroy
        } finally {
            process.destroyForcibly();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
