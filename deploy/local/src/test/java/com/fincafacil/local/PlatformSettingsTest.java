package com.fincafacil.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PlatformSettingsTest {

    @TempDir
    Path root;

    @Test
    void the_environment_overrides_the_file_and_explicit_overrides_win() throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve(PlatformSettings.FILE), "port.traffic=8080\njvm.farm-service=-Xmx512m -XX:+UseSerialGC\nservices=a, b\n");
        PlatformSettings fromFile = PlatformSettings.load(root, Map.of(), Map.of());
        assertEquals(8080, fromFile.port("traffic"));
        assertEquals(List.of("-Xmx512m", "-XX:+UseSerialGC"), fromFile.jvmOptions("farm-service"));
        assertEquals(List.of("a", "b"), fromFile.services());

        PlatformSettings fromEnv = PlatformSettings.load(root,
                Map.of("FINCAFACIL_PORT_TRAFFIC", "9080", "FINCAFACIL_JVM_FARM_SERVICE", "-Xmx1g"), Map.of());
        assertEquals(9080, fromEnv.port("traffic"));
        assertEquals(List.of("-Xmx1g"), fromEnv.jvmOptions("farm-service"));

        assertEquals(7000, PlatformSettings.load(root, Map.of("FINCAFACIL_PORT_TRAFFIC", "9080"), Map.of("port.traffic", "7000"))
                .port("traffic"));
    }

    @Test
    void the_repository_file_names_every_port_the_platform_uses() {
        PlatformSettings repo = PlatformSettings.fromEnvironment(Path.of("../..").toAbsolutePath().normalize());
        for (String port : List.of("traffic", "entry-admin", "control", "flags-service", "release-service", "incident-service",
                "slot.blue", "slot.green", "postgres", "kafka", "kafka-controller")) {
            repo.port(port);
        }
        assertEquals(8080, repo.port("traffic"));
        assertEquals(8090, repo.slotPort("blue"));
        assertEquals(8091, repo.slotPort("green"));
    }

    @Test
    void up_names_the_operator_console_on_release_services_port_and_how_to_sign_in() throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve(PlatformSettings.FILE), "port.release-service=8082\n");
        String line = UpCommand.consoleLine(PlatformSettings.load(root, Map.of("FINCAFACIL_PORT_RELEASE_SERVICE", "18282"), Map.of()));
        assertEquals(true, line.contains("http://127.0.0.1:18282/console") && line.contains("./fincafacil console"), line);
    }
}
