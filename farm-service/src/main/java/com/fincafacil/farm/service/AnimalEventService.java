package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.AnimalAction;
import com.fincafacil.farm.domain.AnimalLifecycle;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.PriceCop;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Weighing;
import com.fincafacil.farm.domain.alert.AlertFacts;
import com.fincafacil.farm.domain.alert.AlertRules;
import com.fincafacil.farm.domain.alert.SaleFacts;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalEventRepository;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.BirthEntity;
import com.fincafacil.farm.repository.DeathEntity;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.farm.repository.SaleEntity;
import com.fincafacil.farm.repository.TreatmentEntity;
import com.fincafacil.farm.repository.WeighingEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The events of an animal's life. Each locks the animal, asks the lifecycle policy, writes the
 * event, updates the animal, raises the alerts the rules propose and records the farm event,
 * all in one transaction.
 */
@ApplicationScoped
public class AnimalEventService {

    private final AnimalRepository animals;
    private final AnimalEventRepository eventsStore;
    private final AnimalService animalService;
    private final FincaService fincas;
    private final AlertService alerts;
    private final FarmEvents events;
    private final FarmMetrics metrics;
    private final Validator validator;
    private final Clock clock = Clock.systemUTC();

    public AnimalEventService(AnimalRepository animals, AnimalEventRepository eventsStore, AnimalService animalService,
                              FincaService fincas, AlertService alerts, FarmEvents events, FarmMetrics metrics,
                              Validator validator) {
        this.validator = validator;
        this.animals = animals;
        this.eventsStore = eventsStore;
        this.animalService = animalService;
        this.fincas = fincas;
        this.alerts = alerts;
        this.events = events;
        this.metrics = metrics;
    }

    // What a farm app sends for each event. Required fields and text lengths are their constraints;
    // formats, ranges and dates against the animal's are the use case's checks, reported with them.

    public record WeighingRequest(@NotNull LocalDate date, @NotNull BigDecimal weightKg) {
    }

    public record Treatment(@NotBlank @Size(max = 120) String product, @NotBlank @Size(max = 60) String dose,
                            @NotNull LocalDate date, LocalDate nextDueDate, Integer withdrawalDays) {
    }

    public record Calf(String earTag, String sex, String breed, BigDecimal weightKg) {
    }

    public record BirthRequest(@NotNull LocalDate date, @NotNull @Valid Calf calf) {
    }

    public record SaleRequest(@NotNull LocalDate date, @NotNull BigDecimal priceCop, @NotBlank @Size(max = 120) String buyer) {
    }

    public record DeathRequest(@NotNull LocalDate date, @NotBlank @Size(max = 200) String cause) {
    }

    @Transactional
    public WeighingEntity weigh(UUID fincaId, UUID animalId, WeighingRequest w) {
        AnimalEntity animal = lock(fincaId, animalId, AnimalAction.WEIGH);
        FieldChecks checks = FieldChecks.of(validator, w);
        LocalDate on = eventDate(checks, animal, w.date());
        Kilograms kg = w.weightKg() == null ? null : checks.check(() -> Refusals.valid(() -> Kilograms.of(w.weightKg())));
        checks.refuseIfAny();
        var previous = eventsStore.latestWeighing(animalId);
        WeighingEntity weighing = new WeighingEntity();
        weighing.id = UUID.randomUUID();
        weighing.fincaId = fincaId;
        weighing.animalId = animalId;
        weighing.weighedOn = on;
        weighing.weightKg = kg.value();
        weighing.createdAt = now();
        eventsStore.persist(weighing);
        if (previous.isEmpty() || !on.isBefore(previous.get().weighedOn)) {
            animal.currentWeightKg = kg.value();
            animal.updatedAt = now();
        }
        previous.filter(p -> !on.isBefore(p.weighedOn)).ifPresent(p -> alerts.raise(finca(fincaId), animalId,
                "weighing:" + weighing.id, AlertRules.evaluate(AlertFacts.weighing(today(), new EarTag(animal.earTag),
                        new Weighing(p.weighedOn, Kilograms.of(p.weightKg)), new Weighing(on, kg)))));
        events.record("animal.weighed", fincaId, Map.of("animalId", animalId, "earTag", animal.earTag,
                "date", on, "weightKg", kg.value()));
        return weighing;
    }

    @Transactional
    public TreatmentEntity treat(UUID fincaId, UUID animalId, Treatment t) {
        AnimalEntity animal = lock(fincaId, animalId, AnimalAction.TREAT);
        FieldChecks checks = FieldChecks.of(validator, t);
        LocalDate on = eventDate(checks, animal, t.date());
        TreatmentEntity treatment = new TreatmentEntity();
        treatment.id = UUID.randomUUID();
        treatment.fincaId = fincaId;
        treatment.animalId = animalId;
        treatment.product = trimmed(t.product());
        treatment.dose = trimmed(t.dose());
        treatment.appliedOn = on;
        if (on != null && t.nextDueDate() != null && !t.nextDueDate().isAfter(on)) {
            checks.refuse("nextDueDate", "date_too_early", "variant", "after_treatment");
        }
        treatment.nextDueDate = t.nextDueDate();
        int withdrawal = t.withdrawalDays() == null ? 0 : t.withdrawalDays();
        if (withdrawal < 0 || withdrawal > 365) {
            checks.refuse("withdrawalDays", "out_of_range", "min", 0, "max", 365);
        }
        checks.refuseIfAny();
        treatment.withdrawalDays = withdrawal;
        treatment.createdAt = now();
        eventsStore.persist(treatment);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("animalId", animalId);
        data.put("earTag", animal.earTag);
        data.put("product", treatment.product);
        data.put("dose", treatment.dose);
        data.put("date", on);
        data.put("nextDueDate", treatment.nextDueDate);
        data.put("withdrawalDays", withdrawal);
        events.record("treatment.recorded", fincaId, data);
        return treatment;
    }

    @Transactional
    public AnimalEntity birth(UUID fincaId, UUID damId, BirthRequest b) {
        AnimalEntity dam = animals.lockInFinca(fincaId, damId).orElseThrow(() -> AnimalService.notFound(damId));
        Refusals.check(AnimalLifecycle.decideBirth(Sex.parse(dam.sex).orElseThrow(), AnimalStatus.parse(dam.status).orElseThrow()));
        FieldChecks checks = FieldChecks.of(validator, b);
        LocalDate on = eventDate(checks, dam, b.date());
        checks.refuseIfAny();
        Calf calf = b.calf();
        AnimalEntity newborn = animalService.register(fincaId, new AnimalService.Registration(calf.earTag(), dam.species,
                calf.breed() == null ? dam.breed : calf.breed(), calf.sex(), on, dam.earTag, calf.weightKg(), null));
        BirthEntity birth = new BirthEntity();
        birth.id = UUID.randomUUID();
        birth.fincaId = fincaId;
        birth.damId = damId;
        birth.calfId = newborn.id;
        birth.bornOn = on;
        birth.createdAt = now();
        eventsStore.persist(birth);
        events.record("birth.recorded", fincaId, Map.of("damId", damId, "damEarTag", dam.earTag,
                "calfId", newborn.id, "calfEarTag", newborn.earTag, "date", on));
        return newborn;
    }

    @Transactional
    public SaleEntity sell(UUID fincaId, UUID animalId, SaleRequest s) {
        AnimalEntity animal = lock(fincaId, animalId, AnimalAction.SELL);
        FieldChecks checks = FieldChecks.of(validator, s);
        LocalDate on = eventDate(checks, animal, s.date());
        PriceCop price = s.priceCop() == null ? null : checks.check(() -> Refusals.valid(() -> PriceCop.of(s.priceCop())));
        String buyerName = trimmed(s.buyer());
        checks.refuseIfAny();
        var stats = eventsStore.saleStats(fincaId);
        SaleEntity sale = new SaleEntity();
        sale.id = UUID.randomUUID();
        sale.fincaId = fincaId;
        sale.animalId = animalId;
        sale.soldOn = on;
        sale.priceCop = price.value();
        sale.buyer = buyerName;
        sale.createdAt = now();
        eventsStore.persist(sale);
        animal.status = AnimalLifecycle.statusAfter(AnimalStatus.parse(animal.status).orElseThrow(), AnimalAction.SELL).wireName();
        animal.updatedAt = now();
        alerts.raise(finca(fincaId), animalId, "sale:" + sale.id, AlertRules.evaluate(AlertFacts.sale(today(),
                new EarTag(animal.earTag), new SaleFacts(price, stats.averagePriceCop(), stats.count()))));
        metrics.saleRecorded(price.value());
        events.record("sale.recorded", fincaId, Map.of("animalId", animalId, "earTag", animal.earTag, "date", on,
                "priceCop", price.value(), "buyer", sale.buyer));
        return sale;
    }

    @Transactional
    public DeathEntity die(UUID fincaId, UUID animalId, DeathRequest d) {
        AnimalEntity animal = lock(fincaId, animalId, AnimalAction.RECORD_DEATH);
        FieldChecks checks = FieldChecks.of(validator, d);
        LocalDate on = eventDate(checks, animal, d.date());
        String causeText = trimmed(d.cause());
        checks.refuseIfAny();
        DeathEntity death = new DeathEntity();
        death.id = UUID.randomUUID();
        death.fincaId = fincaId;
        death.animalId = animalId;
        death.diedOn = on;
        death.cause = causeText;
        death.createdAt = now();
        eventsStore.persist(death);
        animal.status = AnimalLifecycle.statusAfter(AnimalStatus.parse(animal.status).orElseThrow(), AnimalAction.RECORD_DEATH).wireName();
        animal.updatedAt = now();
        alerts.raise(finca(fincaId), animalId, "death", AlertRules.evaluate(AlertFacts.death(today(), new EarTag(animal.earTag), on)));
        events.record("death.recorded", fincaId, Map.of("animalId", animalId, "earTag", animal.earTag, "date", on,
                "cause", death.cause));
        return death;
    }

    private AnimalEntity lock(UUID fincaId, UUID animalId, AnimalAction action) {
        AnimalEntity animal = animals.lockInFinca(fincaId, animalId).orElseThrow(() -> AnimalService.notFound(animalId));
        Refusals.check(AnimalLifecycle.decide(AnimalStatus.parse(animal.status).orElseThrow(), action));
        return animal;
    }

    /** The event's date (required by its constraint): not in the future, not before the animal was born. */
    private LocalDate eventDate(FieldChecks checks, AnimalEntity animal, LocalDate date) {
        if (date == null) {
            return null;
        }
        return checks.check(() -> {
            Refusals.valid(() -> DateRules.requireNotInFuture("date", date, today()));
            if (animal.birthDate != null) {
                Refusals.valid(() -> DateRules.requireNotBefore("date", date, animal.birthDate, "the animal's birth date"));
            }
            return date;
        });
    }

    private static String trimmed(String text) {
        return text == null ? null : text.trim();
    }

    private FincaEntity finca(UUID fincaId) {
        return fincas.get(fincaId);
    }

    private LocalDate today() {
        return DateRules.today(clock);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

}
