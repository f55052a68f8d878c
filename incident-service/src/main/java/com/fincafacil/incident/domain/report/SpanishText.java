package com.fincafacil.incident.domain.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * The seed's ways of writing dates, durations and figures ({@code 28 dic 2024, 02:15 AM},
 * {@code 8 minutos}, {@code 0.2%}). Written out by hand: the JDK's Spanish locale spells
 * September {@code sept} and noon {@code p. m.}, which is not the seed's text.
 */
public final class SpanishText {

    public static final ZoneId BOGOTA = ZoneId.of("America/Bogota");
    private static final List<String> MONTHS = List.of("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic");
    private static final Map<String, String> STEPS = Map.ofEntries(
            Map.entry("CHECKED", "Verificación de gates"), Map.entry("BACKED_UP", "Backup"),
            Map.entry("MIGRATED", "Migración"), Map.entry("DEPLOYED", "Despliegue"),
            Map.entry("VERIFIED", "Smoke test"), Map.entry("SWITCHED", "Cambio de tráfico"),
            Map.entry("MONITORING", "Monitoreo"), Map.entry("COMPLETED", "Cierre"),
            Map.entry("ROLLING_BACK", "Rollback"), Map.entry("ROLLED_BACK", "Rollback"));

    private SpanishText() {
    }

    /** {@code 28 dic 2024, 02:15 AM} in {@code zone}. */
    public static String dateTime(Instant at, ZoneId zone) {
        ZonedDateTime t = at.atZone(zone);
        int hour12 = t.getHour() % 12 == 0 ? 12 : t.getHour() % 12;
        return date(t.toLocalDate()) + ", " + String.format("%02d:%02d %s", hour12, t.getMinute(), t.getHour() < 12 ? "AM" : "PM");
    }

    /** {@code 5 ene 2025}. */
    public static String date(LocalDate day) {
        return day.getDayOfMonth() + " " + MONTHS.get(day.getMonthValue() - 1) + " " + day.getYear();
    }

    /** {@code 8 minutos}, {@code 1 minuto}, {@code menos de 1 minuto}; whole minutes, half a minute rounds up. */
    public static String minutes(Duration d) {
        long minutes = (d.toSeconds() + 30) / 60;
        if (minutes == 0) {
            return "menos de 1 minuto";
        }
        return minutes == 1 ? "1 minuto" : minutes + " minutos";
    }

    /** A figure without trailing zeros, at most two decimals, decimal point as in the seed ({@code 0.2}, {@code 320}). */
    public static String number(double value) {
        BigDecimal d = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** Seconds of a step's time: whole seconds from 10 s up, one decimal below ({@code 90}, {@code 1.4}). */
    public static String seconds(long millis) {
        if (millis >= 10_000) {
            return Long.toString(Math.round(millis / 1000.0));
        }
        return number(Math.round(millis / 100.0) / 10.0);
    }

    /** A release step in the operators' words ({@code MIGRATED} → {@code Migración}). */
    public static String step(String state) {
        return STEPS.getOrDefault(state, state);
    }
}
