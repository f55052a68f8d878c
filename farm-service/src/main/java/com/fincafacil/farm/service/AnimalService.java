package com.fincafacil.farm.service;

import com.fincafacil.commons.refusal.FieldChecks;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.InvalidValueException;
import com.fincafacil.farm.domain.Kilograms;
import com.fincafacil.farm.domain.Sex;
import com.fincafacil.farm.domain.Species;
import com.fincafacil.farm.messaging.FarmEvents;
import com.fincafacil.farm.repository.AnimalEntity;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.AnimalWriter;
import com.fincafacil.farm.repository.PageOf;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Registering and reading animals. Every field is validated before anything is written. */
@ApplicationScoped
public class AnimalService {

    private final AnimalRepository animals;
    private final AnimalWriter writer;
    private final FarmEvents events;
    private final Validator validator;
    private final Clock clock;

    public AnimalService(AnimalRepository animals, AnimalWriter writer, FarmEvents events, Validator validator) {
        this.animals = animals;
        this.writer = writer;
        this.events = events;
        this.validator = validator;
        this.clock = Clock.systemUTC();
    }

    /** What a farm app sends to register an animal; strings are the Spanish wire names. */
    public record Registration(@NotBlank String earTag, String species, @Size(max = 60) String breed, @NotBlank String sex,
                               LocalDate birthDate, String damEarTag, BigDecimal weightKg, String status) {
    }

    /**
     * Registers an animal. Not a transaction of its own: {@link AnimalWriter} writes the animal and
     * its event in one statement, grouped with concurrent registrations or in the caller's transaction.
     */
    public AnimalEntity register(UUID fincaId, Registration r) {
        LocalDate today = DateRules.today(clock);
        AnimalEntity animal = new AnimalEntity();
        animal.id = UUID.randomUUID();
        animal.fincaId = fincaId;
        FieldChecks checks = FieldChecks.of(validator, r);
        animal.earTag = checks.check(() -> Refusals.valid(() -> EarTag.of(r.earTag())).value(), EarTag.FIELD);
        animal.species = r.species() == null ? Species.DEFAULT.wireName() : checks.check(() ->
                enumValue("species", Species.parse(r.species()).map(Species::wireName), "bovino, bufalino, ovino, caprino, equino"));
        animal.breed = r.breed() == null || r.breed().isBlank() ? null : r.breed().trim();
        animal.sex = checks.check(() -> enumValue("sex", Sex.parse(r.sex()).map(Sex::wireName), "macho, hembra"), "sex");
        animal.birthDate = r.birthDate() == null ? null
                : checks.check(() -> Refusals.valid(() -> DateRules.requireNotInFuture("birthDate", r.birthDate(), today)));
        animal.status = r.status() == null ? AnimalStatus.DEFAULT.wireName() : checks.check(() ->
                enumValue("status", AnimalStatus.parse(r.status()).map(AnimalStatus::wireName), "activo, vendido, muerto"));
        animal.currentWeightKg = r.weightKg() == null ? null : checks.check(() -> Refusals.valid(() -> Kilograms.of(r.weightKg())).value());
        String damEarTag = r.damEarTag() == null ? null : checks.check(() -> damEarTag(r.damEarTag()));
        checks.refuseIfAny();
        if (damEarTag != null) {
            AnimalEntity dam = damOf(fincaId, damEarTag);
            if (!DateRules.bornAfterDam(animal.birthDate, dam.birthDate)) {
                throw Refusal.unprocessable("birthDate", "calf_born_before_dam", "birthDate", animal.birthDate,
                        "dam", dam.earTag, "damBirthDate", dam.birthDate);
            }
            animal.damId = dam.id;
        }
        animal.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        animal.updatedAt = animal.createdAt;
        var event = events.row("animal.registered", fincaId, AnimalViews.summary(animal));
        if (!writer.insert(new AnimalWriter.NewAnimal(animal, event))) {
            throw Refusal.conflict(EarTag.FIELD, "ear_tag_taken", "earTag", animal.earTag);
        }
        return animal;
    }

    public AnimalEntity get(UUID fincaId, UUID animalId) {
        return animals.inFinca(fincaId, animalId).orElseThrow(() -> notFound(animalId));
    }

    /** The finca's animal with this ear tag (as written on the tag: trimmed, upper-case). */
    public AnimalEntity byEarTag(UUID fincaId, String earTag) {
        String tag = earTag.trim().toUpperCase(java.util.Locale.ROOT);
        return animals.byEarTag(fincaId, tag).orElseThrow(() -> Refusal.notFound("animal_not_found", "animalId", tag));
    }

    public PageOf<AnimalEntity> list(UUID fincaId, AnimalRepository.Filter filter, int page, int size) {
        return animals.page(fincaId, filter, page, size);
    }

    /** The dam's ear tag in the ear tag format, refused under its own name (not as earTag). */
    private static String damEarTag(String text) {
        try {
            return EarTag.of(text).value();
        } catch (InvalidValueException e) {
            throw Refusals.invalid("damEarTag", e);
        }
    }

    AnimalEntity damOf(UUID fincaId, String damEarTag) {
        AnimalEntity dam = animals.byEarTag(fincaId, damEarTag).orElseThrow(() ->
                Refusal.unprocessable("damEarTag", "dam_not_found", "earTag", damEarTag));
        if (!Sex.HEMBRA.wireName().equals(dam.sex)) {
            throw Refusal.unprocessable("damEarTag", "dam_not_female", "earTag", damEarTag);
        }
        return dam;
    }

    static String enumValue(String field, java.util.Optional<String> parsed, String allowed) {
        return parsed.orElseThrow(() -> Refusal.invalid(field, "unknown_value", "allowed", allowed));
    }

    static Refusal notFound(UUID animalId) {
        return Refusal.notFound("animal_not_found", "animalId", animalId);
    }
}
