package com.fincafacil.farm.domain;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Colombia's 32 departments and the capital district, matched without regard to case or accents. */
public final class Department {

    public static final String FIELD = "department";

    private static final List<String> NAMES = List.of(
            "Amazonas", "Antioquia", "Arauca", "Atlántico", "Bogotá D.C.", "Bolívar", "Boyacá", "Caldas", "Caquetá",
            "Casanare", "Cauca", "Cesar", "Chocó", "Córdoba", "Cundinamarca", "Guainía", "Guaviare", "Huila",
            "La Guajira", "Magdalena", "Meta", "Nariño", "Norte de Santander", "Putumayo", "Quindío", "Risaralda",
            "San Andrés y Providencia", "Santander", "Sucre", "Tolima", "Valle del Cauca", "Vaupés", "Vichada");

    private Department() {
    }

    /** The official spelling of a department name, or empty when it is not one. */
    public static Optional<String> canonical(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = fold(name);
        return NAMES.stream().filter(n -> fold(n).equals(wanted)).findFirst();
    }

    public static List<String> all() {
        return NAMES;
    }

    private static String fold(String text) {
        return Normalizer.normalize(text.trim(), Normalizer.Form.NFD).replaceAll("\\p{M}", "")
                .replace(".", "").replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
