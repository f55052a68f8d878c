package com.fincafacil.release.client;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The repository's Kubernetes manifests, rendered as they are applied ({@code kubectl kustomize}). */
final class Manifests {

    private static String piloto;

    private Manifests() {
    }

    static synchronized String piloto() throws IOException, InterruptedException {
        if (piloto == null) {
            Process kubectl = new ProcessBuilder("kubectl", "kustomize", root().resolve("deploy/k8s/overlays/piloto").toString())
                    .redirectErrorStream(true).start();
            String out = new String(kubectl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (kubectl.waitFor() != 0) {
                throw new IllegalStateException("kubectl kustomize failed: " + out);
            }
            piloto = out;
        }
        return piloto;
    }

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy/k8s"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("run inside the repository");
        }
        return dir;
    }
}
