package com.fincafacil.release.rest.console;

import com.fincafacil.release.domain.analysis.Measurement;
import com.fincafacil.release.repository.MeasurementEntity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The analysis' measurements as small inline SVG charts, one per check, each against its
 * threshold: computed here so the page needs no chart library and no script.
 */
final class Charts {

    static final int WIDTH = 240;
    static final int HEIGHT = 64;
    private static final int PAD = 4;
    static final List<String> CHECKS = List.of(Measurement.ERROR_RATE, Measurement.LATENCY, Measurement.REVENUE, Measurement.UPTIME);

    private Charts() {
    }

    /** A point of a chart: where it is drawn and whether its measurement failed. */
    record Dot(String x, String y, String verdict) {
    }

    /**
     * One check's chart. {@code thresholdY} is null while no measurement gave a threshold; the
     * latest value is null while every one was inconclusive without one.
     */
    record Chart(String check, String unit, List<Dot> dots, String line, String thresholdY, Double threshold,
                 Double latest, String latestVerdict, String detail, int count) {
        public boolean empty() {
            return count == 0;
        }
    }

    static List<Chart> of(List<MeasurementEntity> measurements) {
        return CHECKS.stream().map(check -> chart(check, measurements.stream().filter(m -> m.check.equals(check)).toList())).toList();
    }

    private static Chart chart(String check, List<MeasurementEntity> ms) {
        Double threshold = ms.stream().map(m -> m.threshold).filter(t -> t != null).reduce((a, b) -> b).orElse(null);
        double top = Math.max(threshold == null ? 0 : threshold, ms.stream().map(m -> m.value).filter(v -> v != null)
                .mapToDouble(Double::doubleValue).max().orElse(0)) * 1.25;
        double scale = top <= 0 ? 1 : top;
        List<Dot> dots = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < ms.size(); i++) {
            MeasurementEntity m = ms.get(i);
            if (m.value == null) {
                continue;
            }
            String x = fmt(ms.size() == 1 ? WIDTH / 2.0 : PAD + i * (WIDTH - 2.0 * PAD) / (ms.size() - 1));
            String y = fmt(y(m.value, scale));
            dots.add(new Dot(x, y, m.verdict));
            line.append(line.isEmpty() ? "" : " ").append(x).append(',').append(y);
        }
        MeasurementEntity last = ms.isEmpty() ? null : ms.get(ms.size() - 1);
        return new Chart(check, unit(check), dots, line.toString(), threshold == null ? null : fmt(y(threshold, scale)), threshold,
                last == null ? null : last.value, last == null ? null : last.verdict, last == null ? null : last.detail, ms.size());
    }

    private static double y(double value, double scale) {
        return HEIGHT - PAD - value / scale * (HEIGHT - 2.0 * PAD);
    }

    private static String unit(String check) {
        return switch (check) {
            case Measurement.LATENCY -> "ms";
            case Measurement.UPTIME -> "";
            default -> "%";
        };
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
