package com.fincafacil.flags.domain;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The whole flag file: phase flags ({@code FASES}) and alert levels ({@code ALERTAS}), each in
 * file order so an export reproduces the file. A key names one flag across both sections.
 */
public record FlagSet(Map<String, PhaseFlag> fases, Map<String, AlertFlag> alertas) {

    public FlagSet {
        fases = ordered(fases);
        alertas = ordered(alertas);
        for (String key : alertas.keySet()) {
            if (fases.containsKey(key)) {
                throw new IllegalArgumentException("flag key used in both FASES and ALERTAS: " + key);
            }
        }
    }

    public static FlagSet of(Collection<PhaseFlag> fases, Collection<AlertFlag> alertas) {
        Map<String, PhaseFlag> phaseMap = new LinkedHashMap<>();
        fases.forEach(flag -> putOnce(phaseMap, flag.key(), flag));
        Map<String, AlertFlag> alertMap = new LinkedHashMap<>();
        alertas.forEach(flag -> putOnce(alertMap, flag.key(), flag));
        return new FlagSet(phaseMap, alertMap);
    }

    public static FlagSet empty() {
        return new FlagSet(Map.of(), Map.of());
    }

    public Optional<Flag> find(String key) {
        return findPhase(key).<Flag>map(flag -> flag).or(() -> findAlert(key));
    }

    public Optional<PhaseFlag> findPhase(String key) {
        return Optional.ofNullable(fases.get(key));
    }

    public Optional<AlertFlag> findAlert(String key) {
        return Optional.ofNullable(alertas.get(key));
    }

    private static <F extends Flag> Map<String, F> ordered(Map<String, F> flags) {
        Map<String, F> copy = new LinkedHashMap<>();
        flags.forEach((key, flag) -> {
            if (!key.equals(flag.key())) {
                throw new IllegalArgumentException("flag " + flag.key() + " filed under key " + key);
            }
            copy.put(key, flag);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static <F extends Flag> void putOnce(Map<String, F> map, String key, F flag) {
        if (map.putIfAbsent(key, flag) != null) {
            throw new IllegalArgumentException("flag key given twice: " + key);
        }
    }
}
