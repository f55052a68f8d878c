package com.fincafacil.farm.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fincafacil.farm.repository.AlertEntity;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.BirthEntity;
import com.fincafacil.farm.repository.DeathEntity;
import com.fincafacil.farm.repository.SaleEntity;
import com.fincafacil.farm.repository.TreatmentEntity;
import com.fincafacil.farm.repository.WeighingEntity;
import com.fincafacil.farm.service.AnimalHistoryService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** What farm apps receive. */
public final class FarmViews {

    /** The last page a list serves: page × size must stay a valid row offset (a 32-bit number). */
    public static final int MAX_PAGE = 1_000_000;

    private FarmViews() {
    }

    /** A row the change feed names, as its own route answers it, and the animal it is about (a birth: its dam). */
    public record FeedRow(UUID animalId, Object view) {
        public static FeedRow of(Object row) {
            if (row instanceof AnimalEntity a) {
                return new FeedRow(a.id, AnimalView.of(a));
            } else if (row instanceof WeighingEntity w) {
                return new FeedRow(w.animalId, WeighingView.of(w));
            } else if (row instanceof TreatmentEntity t) {
                return new FeedRow(t.animalId, TreatmentView.of(t));
            } else if (row instanceof BirthEntity b) {
                return new FeedRow(b.damId, BirthView.of(b));
            } else if (row instanceof SaleEntity s) {
                return new FeedRow(s.animalId, SaleView.of(s));
            } else if (row instanceof DeathEntity d) {
                return new FeedRow(d.animalId, DeathView.of(d));
            } else if (row instanceof AlertEntity a) {
                return new FeedRow(a.animalId, AlertView.of(a));
            }
            throw new IllegalArgumentException("no view for " + row.getClass().getSimpleName());
        }
    }

    public record AnimalView(UUID id, String earTag, String species, String breed, String sex, LocalDate birthDate,
                             UUID damId, String status, BigDecimal weightKg, OffsetDateTime createdAt) {
        public static AnimalView of(AnimalEntity a) {
            return new AnimalView(a.id, a.earTag, a.species, a.breed, a.sex, a.birthDate, a.damId, a.status,
                    a.currentWeightKg, a.createdAt);
        }
    }

    public record WeighingView(UUID id, LocalDate date, BigDecimal weightKg) {
        public static WeighingView of(WeighingEntity w) {
            return new WeighingView(w.id, w.weighedOn, w.weightKg);
        }
    }

    public record TreatmentView(UUID id, String product, String dose, LocalDate date, LocalDate nextDueDate, int withdrawalDays) {
        public static TreatmentView of(TreatmentEntity t) {
            return new TreatmentView(t.id, t.product, t.dose, t.appliedOn, t.nextDueDate, t.withdrawalDays);
        }
    }

    public record BirthView(UUID id, UUID calfId, LocalDate date) {
        public static BirthView of(BirthEntity b) {
            return new BirthView(b.id, b.calfId, b.bornOn);
        }
    }

    public record SaleView(UUID id, UUID animalId, LocalDate date, BigDecimal priceCop, String buyer) {
        public static SaleView of(SaleEntity s) {
            return new SaleView(s.id, s.animalId, s.soldOn, s.priceCop, s.buyer);
        }
    }

    public record DeathView(UUID id, UUID animalId, LocalDate date, String cause) {
        public static DeathView of(DeathEntity d) {
            return new DeathView(d.id, d.animalId, d.diedOn, d.cause);
        }
    }

    public record AlertView(UUID id, UUID animalId, @JsonProperty("tipo_alerta") String tipoAlerta, String code,
                            String message, @JsonProperty("confianza_ia") Float confianzaIa, OffsetDateTime createdAt,
                            OffsetDateTime acknowledgedAt, String acknowledgedBy) {
        public static AlertView of(AlertEntity a) {
            return new AlertView(a.id, a.animalId, a.tipoAlerta, a.code, a.message, a.confianzaIa, a.createdAt,
                    a.acknowledgedAt, a.acknowledgedBy);
        }
    }

    /** One animal with its whole history. */
    public record AnimalHistory(AnimalView animal, List<WeighingView> weighings, List<TreatmentView> treatments,
                                List<BirthView> births, SaleView sale, DeathView death, List<AlertView> alerts) {
        public static AnimalHistory of(AnimalHistoryService.History h) {
            return new AnimalHistory(AnimalView.of(h.animal()),
                    h.weighings().stream().map(WeighingView::of).toList(),
                    h.treatments().stream().map(TreatmentView::of).toList(),
                    h.births().stream().map(BirthView::of).toList(),
                    h.sale() == null ? null : SaleView.of(h.sale()),
                    h.death() == null ? null : DeathView.of(h.death()),
                    h.alerts().stream().map(AlertView::of).toList());
        }
    }
}
