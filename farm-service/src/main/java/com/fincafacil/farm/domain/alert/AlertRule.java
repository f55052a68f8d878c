package com.fincafacil.farm.domain.alert;

import java.util.List;

/** One reason to alert a farmer; each rule looks only at the facts it needs and ignores the rest. */
@FunctionalInterface
public interface AlertRule {

    List<AlertCandidate> evaluate(AlertFacts facts);
}
