package com.fincafacil.flags.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.Optional;

/**
 * The weekly deployment window of {@code config/deployment.json} ({@code despliegue_ventana}:
 * Spanish day name, start and end hour, time zone), e.g. Sunday 02–04 America/Bogota.
 */
public record DeploymentWindow(DayOfWeek day, int startHour, int endHour, ZoneId zone) {

    private static final Map<String, DayOfWeek> DAYS = Map.of(
            "lunes", DayOfWeek.MONDAY, "martes", DayOfWeek.TUESDAY, "miercoles", DayOfWeek.WEDNESDAY,
            "miércoles", DayOfWeek.WEDNESDAY, "jueves", DayOfWeek.THURSDAY, "viernes", DayOfWeek.FRIDAY,
            "sabado", DayOfWeek.SATURDAY, "sábado", DayOfWeek.SATURDAY, "domingo", DayOfWeek.SUNDAY);

    public DeploymentWindow {
        if (startHour < 0 || endHour > 24 || startHour >= endHour) {
            throw new IllegalArgumentException("window hours must satisfy 0 <= start < end <= 24");
        }
    }

    public static Optional<DayOfWeek> parseDay(String spanishDay) {
        return Optional.ofNullable(spanishDay).map(d -> DAYS.get(d.trim().toLowerCase(java.util.Locale.ROOT)));
    }

    public boolean contains(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        return local.getDayOfWeek() == day && local.getHour() >= startHour && local.getHour() < endHour;
    }

    /** {@code now} if the window is open, otherwise the start of the next window. */
    public Instant nextOpening(Instant now) {
        if (contains(now)) {
            return now;
        }
        LocalDate today = now.atZone(zone).toLocalDate();
        ZonedDateTime candidate = today.with(TemporalAdjusters.nextOrSame(day)).atTime(startHour, 0).atZone(zone);
        if (!candidate.toInstant().isAfter(now)) {
            candidate = today.with(TemporalAdjusters.next(day)).atTime(startHour, 0).atZone(zone);
        }
        return candidate.toInstant();
    }
}
