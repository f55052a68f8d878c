package com.fincafacil.local.artifact;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads what a farm-service {@code quarkus-app} build is: its Maven version and its Flyway migrations. */
final class BuildInspector {

    private static final Pattern SCRIPT = Pattern.compile("db/migration/V([0-9][0-9._]*)__([^/]+)\\.sql");
    private static final String POM_PROPERTIES = "META-INF/maven/com.fincafacil/farm-service/pom.properties";

    private BuildInspector() {
    }

    /** True when {@code dir} looks like a Quarkus fast-jar build. */
    static boolean isQuarkusApp(Path dir) {
        return Files.isRegularFile(dir.resolve("quarkus-run.jar")) && Files.isDirectory(dir.resolve("app"));
    }

    /** The version Maven built the application jar with. */
    static Optional<String> version(Path quarkusApp) throws IOException {
        for (Path jar : applicationJars(quarkusApp)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                JarEntry entry = file.getJarEntry(POM_PROPERTIES);
                if (entry != null) {
                    Properties pom = new Properties();
                    try (InputStream in = file.getInputStream(entry)) {
                        pom.load(in);
                    }
                    return Optional.ofNullable(pom.getProperty("version"));
                }
            }
        }
        return Optional.empty();
    }

    /** Every {@code db/migration/V*__*.sql} the build ships, in Flyway's version order. */
    static List<Migration> migrations(Path quarkusApp) throws IOException {
        List<Migration> found = new ArrayList<>();
        for (Path jar : applicationJars(quarkusApp)) {
            try (JarFile file = new JarFile(jar.toFile())) {
                for (JarEntry entry : java.util.Collections.list(file.entries())) {
                    Matcher m = SCRIPT.matcher(entry.getName());
                    if (m.matches()) {
                        try (InputStream in = file.getInputStream(entry)) {
                            found.add(new Migration(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                                    entry.getName().substring("db/migration/".length()), FlywayChecksum.of(in)));
                        }
                    }
                }
            }
        }
        found.sort(Comparator.comparing(Migration::version, BuildInspector::compareVersions));
        return found;
    }

    /** Every {@code V*__*.sql} in a directory of extra migrations stored beside a build. */
    static List<Migration> extraMigrations(Path dir) throws IOException {
        List<Migration> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.sorted().toList()) {
                Matcher m = SCRIPT.matcher("db/migration/" + file.getFileName());
                if (m.matches()) {
                    try (InputStream in = Files.newInputStream(file)) {
                        found.add(new Migration(m.group(1).replace('_', '.'), m.group(2).replace('_', ' '),
                                file.getFileName().toString(), FlywayChecksum.of(in)));
                    }
                }
            }
        }
        return found;
    }

    /** Flyway orders versions part by part numerically: 1.10 after 1.9. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    /** The application's own jar and the project's modules (which may ship migrations too). */
    private static List<Path> applicationJars(Path quarkusApp) throws IOException {
        List<Path> jars = new ArrayList<>();
        try (Stream<Path> app = Files.list(quarkusApp.resolve("app"))) {
            app.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        Path lib = quarkusApp.resolve("lib/main");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> main = Files.list(lib)) {
                main.filter(p -> p.getFileName().toString().startsWith("com.fincafacil.")).sorted().forEach(jars::add);
            }
        }
        return jars;
    }
}
