package com.fincafacil.farm.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.commons.rest.JsonBodies;
import com.fincafacil.farm.domain.sync.SyncRules;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.farm.service.AlertService;
import com.fincafacil.farm.service.AnimalEventService;
import com.fincafacil.farm.service.AnimalService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The writes an offline batch may hold, each the same request as its own route: the same body,
 * the same address (so its idempotency record is the route's), the same service call.
 */
@ApplicationScoped
class SyncOperations {

    /** The kinds of operation, by their wire name; the events are about an existing animal. */
    enum Kind {
        REGISTRATION("registration", AnimalService.Registration.class, null),
        WEIGHING("weighing", AnimalEventService.WeighingRequest.class, "/weighings"),
        TREATMENT("treatment", AnimalEventService.Treatment.class, "/treatments"),
        BIRTH("birth", AnimalEventService.BirthRequest.class, "/births"),
        SALE("sale", AnimalEventService.SaleRequest.class, "/sale"),
        DEATH("death", AnimalEventService.DeathRequest.class, "/death"),
        ALERT_ACKNOWLEDGEMENT("alert_acknowledgement", AlertAcknowledgement.class, null);

        final String wireName;
        final Class<?> body;
        /** The event's address under its animal; null for the operations that are not about one. */
        final String route;

        Kind(String wireName, Class<?> body, String route) {
            this.wireName = wireName;
            this.body = body;
            this.route = route;
        }

        boolean aboutAnimal() {
            return route != null;
        }

        static Kind of(String type) {
            return Arrays.stream(values()).filter(k -> k.wireName.equals(type)).findFirst()
                    .orElseThrow(() -> Refusal.invalid("type", "unknown_value", "allowed",
                            Arrays.stream(values()).map(k -> k.wireName).collect(Collectors.joining(", "))));
        }
    }

    /** An alert seen on the phone: the same as {@code POST …/alerts/{alertId}/acknowledge}. */
    record AlertAcknowledgement(@NotNull UUID alertId) {
    }

    /** One operation ready to run: its route's address and body, the status its route answers, and the write. */
    record Prepared(Idempotent.Request request, int status, Supplier<Object> write) {
    }

    private final AnimalService animals;
    private final AnimalEventService events;
    private final AlertService alerts;
    private final ObjectMapper mapper;
    private final Validator validator;

    SyncOperations(AnimalService animals, AnimalEventService events, AlertService alerts, ObjectMapper mapper,
                   Validator validator) {
        this.animals = animals;
        this.events = events;
        this.alerts = alerts;
        this.mapper = mapper;
        this.validator = validator;
    }

    /** The animal an operation is about, by id or ear tag; refused when it names none or both. */
    AnimalEntity animal(UUID fincaId, UUID animalId, String earTag) {
        if ((animalId == null) == (earTag == null || earTag.isBlank())) {
            throw Refusal.invalid("animalId", "animal_reference_required");
        }
        return animalId != null ? animals.get(fincaId, animalId) : animals.byEarTag(fincaId, earTag);
    }

    /** The operation's body as its route reads it; an event without a date happened on the day it was recorded. */
    Object body(Kind kind, JsonNode json, Instant recordedAt) {
        Object body = JsonBodies.read(mapper, json, kind.body);
        LocalDate day = SyncRules.eventDate(recordedAt);
        if (body instanceof AnimalEventService.WeighingRequest r && r.date() == null) {
            return new AnimalEventService.WeighingRequest(day, r.weightKg());
        }
        if (body instanceof AnimalEventService.Treatment r && r.date() == null) {
            return new AnimalEventService.Treatment(r.product(), r.dose(), day, r.nextDueDate(), r.withdrawalDays());
        }
        if (body instanceof AnimalEventService.BirthRequest r && r.date() == null) {
            return new AnimalEventService.BirthRequest(day, r.calf());
        }
        if (body instanceof AnimalEventService.SaleRequest r && r.date() == null) {
            return new AnimalEventService.SaleRequest(day, r.priceCop(), r.buyer());
        }
        if (body instanceof AnimalEventService.DeathRequest r && r.date() == null) {
            return new AnimalEventService.DeathRequest(day, r.cause());
        }
        return body;
    }

    /** The ear tags a body names besides its animal's: a registration's, a birth's calf's. */
    static Optional<String> earTagIn(Object body) {
        String tag = null;
        if (body instanceof AnimalService.Registration r) {
            tag = r.earTag();
        } else if (body instanceof AnimalEventService.BirthRequest r && r.calf() != null) {
            tag = r.calf().earTag();
        }
        return Optional.ofNullable(tag).map(t -> t.trim().toUpperCase(Locale.ROOT));
    }

    /** The route's request and its write, for the animal (null for the operations not about one). */
    Prepared prepare(UUID fincaId, Kind kind, AnimalEntity animal, Object body) {
        String fincaPath = "/api/v1/fincas/" + fincaId;
        String animalsPath = fincaPath + "/animals";
        if (body instanceof AnimalService.Registration r) {
            return new Prepared(new Idempotent.Request(animalsPath, r), 201, () -> FarmViews.AnimalView.of(animals.register(fincaId, r)));
        }
        if (body instanceof AlertAcknowledgement a) {
            FieldChecks.of(validator, a).refuseIfAny();
            return new Prepared(new Idempotent.Request(fincaPath + "/alerts/" + a.alertId() + "/acknowledge", a), 200,
                    () -> FarmViews.AlertView.of(alerts.acknowledge(fincaId, a.alertId(), AlertResource.FARM_APP)));
        }
        return new Prepared(new Idempotent.Request(animalsPath + "/" + animal.id + kind.route, body), 201, write(fincaId, animal.id, body));
    }

    private Supplier<Object> write(UUID fincaId, UUID id, Object body) {
        if (body instanceof AnimalEventService.WeighingRequest r) {
            return () -> FarmViews.WeighingView.of(events.weigh(fincaId, id, r));
        }
        if (body instanceof AnimalEventService.Treatment r) {
            return () -> FarmViews.TreatmentView.of(events.treat(fincaId, id, r));
        }
        if (body instanceof AnimalEventService.BirthRequest r) {
            return () -> FarmViews.AnimalView.of(events.birth(fincaId, id, r));
        }
        if (body instanceof AnimalEventService.SaleRequest r) {
            return () -> FarmViews.SaleView.of(events.sell(fincaId, id, r));
        }
        AnimalEventService.DeathRequest r = (AnimalEventService.DeathRequest) body;
        return () -> FarmViews.DeathView.of(events.die(fincaId, id, r));
    }
}
