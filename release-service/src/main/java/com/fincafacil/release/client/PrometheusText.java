package com.fincafacil.release.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the samples of Prometheus' text exposition format ({@code name{label="v",…} value}); comments are skipped. */
final class PrometheusText {

    record Sample(String name, Map<String, String> labels, double value) {
    }

    private PrometheusText() {
    }

    static List<Sample> parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            line = line.trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = brace < 0 ? line.indexOf(' ') : line.indexOf(' ', line.lastIndexOf('}'));
            if (space < 0) {
                continue;
            }
            String name = brace < 0 ? line.substring(0, space) : line.substring(0, brace);
            Map<String, String> labels = brace < 0 ? Map.of() : labels(line.substring(brace + 1, line.lastIndexOf('}')));
            String[] rest = line.substring(space + 1).trim().split("\\s+");
            samples.add(new Sample(name, labels, value(rest[0])));
        }
        return samples;
    }

    private static Map<String, String> labels(String text) {
        Map<String, String> labels = new LinkedHashMap<>();
        int i = 0;
        while (i < text.length()) {
            int eq = text.indexOf('=', i);
            if (eq < 0) {
                break;
            }
            String key = text.substring(i, eq).trim().replaceFirst("^,", "").trim();
            StringBuilder value = new StringBuilder();
            int j = eq + 2; // past ="
            while (j < text.length() && text.charAt(j) != '"') {
                if (text.charAt(j) == '\\' && j + 1 < text.length()) {
                    j++;
                }
                value.append(text.charAt(j++));
            }
            labels.put(key, value.toString());
            i = j + 1;
        }
        return labels;
    }

    private static double value(String text) {
        return switch (text) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(text);
        };
    }
}
