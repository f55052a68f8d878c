package com.fincafacil.farm.service;

import com.fincafacil.commons.persistence.UniqueViolation;
import com.fincafacil.farm.domain.AnimalStatus;
import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.EarTag;
import com.fincafacil.farm.domain.alert.AlertFacts;
import com.fincafacil.farm.domain.alert.AlertRules;
import com.fincafacil.farm.domain.alert.TreatmentRecord;
import com.fincafacil.farm.repository.AnimalEventRepository;
import com.fincafacil.farm.repository.AnimalRepository;
import com.fincafacil.farm.repository.FincaRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Overdue treatments are noticed by time passing, not by a write: a periodic scan asks the alert
 * rules about every animal with a treatment past due. Alerts are de-duplicated per treatment.
 */
@ApplicationScoped
public class OverdueTreatmentScan {

    private static final Logger LOG = Logger.getLogger(OverdueTreatmentScan.class);

    private final AnimalRepository animals;
    private final AnimalEventRepository events;
    private final FincaRepository fincas;
    private final AlertService alerts;
    private final Clock clock = Clock.systemUTC();

    public OverdueTreatmentScan(AnimalRepository animals, AnimalEventRepository events, FincaRepository fincas, AlertService alerts) {
        this.animals = animals;
        this.events = events;
        this.fincas = fincas;
        this.alerts = alerts;
    }

    @Scheduled(every = "${fincafacil.farm.overdue-scan-interval:1m}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            scan();
        } catch (RuntimeException e) {
            LOG.warnf("overdue treatment scan failed, will retry: %s", e.getMessage());
        }
    }

    /** Scans every animal with a past-due treatment; returns how many alerts were raised. */
    public int scan() {
        LocalDate today = DateRules.today(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> events.animalsWithTreatmentsDueBefore(today));
        int raised = 0;
        for (UUID animalId : due) {
            try {
                raised += QuarkusTransaction.requiringNew().call(() -> scanAnimal(animalId, today));
            } catch (RuntimeException e) {
                if (!UniqueViolation.isCause(e)) {
                    throw e;
                }
                // another scan (another slot, or a concurrent run) raised it first: the unique dedupe key held
                LOG.debugf("overdue alert for animal %s was raised by a concurrent scan", animalId);
            }
        }
        return raised;
    }

    private int scanAnimal(UUID animalId, LocalDate today) {
        var animal = animals.findById(animalId);
        List<TreatmentRecord> treatments = events.treatments(animalId).stream()
                .map(t -> new TreatmentRecord(t.product, t.appliedOn, t.nextDueDate)).toList();
        EarTag earTag = new EarTag(animal.earTag);
        AnimalStatus status = AnimalStatus.parse(animal.status).orElseThrow();
        var candidates = AlertRules.evaluate(AlertFacts.treatments(today, earTag, status, treatments));
        int raised = 0;
        for (TreatmentRecord treatment : treatments) {
            if (treatment.nextDueDate() == null || !treatment.nextDueDate().isBefore(today)) {
                continue;
            }
            // the rule saw the whole history, so a later dose already cleared this treatment if there was one
            String names = " of " + treatment.product() + " was due on " + treatment.nextDueDate() + " ";
            var forThis = candidates.stream().filter(c -> c.message().contains(names)).toList();
            // one alert per overdue treatment (product and due date), however often the scan runs
            String fact = "overdue:" + treatment.product() + ":" + treatment.nextDueDate();
            raised += alerts.raise(fincas.findById(animal.fincaId), animalId, fact, forThis).size();
        }
        return raised;
    }
}
