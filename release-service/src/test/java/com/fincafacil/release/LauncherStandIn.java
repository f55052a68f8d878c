package com.fincafacil.release;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Stands in for the launcher's control API in the planning tests, which need only to know what
 * runs (the real launcher drives {@code LauncherTargetIT}): blue active with {@link #running},
 * or no answer at all when {@link #down}. Also hands the service a test changelog.
 */
public class LauncherStandIn implements QuarkusTestResourceLifecycleManager {

    public static volatile String running = "1.0.0";
    public static volatile boolean down;
    /** Where the console's Flags screen finds flags-service: reserved here, started by the test that needs it. */
    public static volatile int flagsPort;

    static final String CHANGELOG = """
            # Changelog
            ## [Unreleased]
            ## [3.0.0]
            - Offline sync for farm apps
            ## [2.0.0] - 2026-12-06
            ### Changed
            - **Multi-tenant fincas.** One platform for many cooperatives.
            ## [1.2.0]
            - Herd KPIs by paddock
            ## [1.1.0] - 2026-12-06
            ### Added
            - Alert confidence (confianza_ia)
            - CSV import reports every bad row at once,
              not just the first
            ## [1.1.5]
            - Alert list paging
            ## [1.1.1]
            - Filter fix
            ## [1.1.1-rc.1]
            - Filter fix, first cut
            ## [1.0.21]
            - Calf checks after migrating
            ## [1.0.20]
            - Go-live drill
            ## [1.0.3]
            - Weighing dates
            ## [1.0.2]
            ## [1.0.1]
            ### Fixed
            - Weighing dates in Bogotá time
            """;

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/api/v1/traffic", exchange -> answer(exchange, "{\"activeSlot\":\"blue\",\"ready\":true}"));
            server.createContext("/api/v1/slots", exchange -> answer(exchange, "[{\"name\":\"blue\",\"version\":\"" + running
                    + "\",\"active\":true,\"ready\":true,\"state\":\"running\"},{\"name\":\"green\",\"active\":false,"
                    + "\"ready\":false,\"state\":\"stopped\"}]"));
            server.start();
            Path changelog = Files.createTempFile("changelog-", ".md");
            Files.writeString(changelog, CHANGELOG);
            changelog.toFile().deleteOnExit();
            flagsPort = com.fincafacil.platform.FreePorts.next();
            return Map.of("fincafacil.release.target.launcher-url", "http://127.0.0.1:" + server.getAddress().getPort(),
                    "fincafacil.release.changelog-file", changelog.toString(),
                    "fincafacil.release.console.flags-url", "http://127.0.0.1:" + flagsPort);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
