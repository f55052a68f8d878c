package com.fincafacil.farm.service;

import com.fincafacil.commons.health.BuildInfo;
import com.fincafacil.commons.refusal.Refusal;
import com.fincafacil.farm.repository.FincaEntity;
import com.fincafacil.flags.domain.SemVer;
import com.fincafacil.flags.client.FlagAnswer;
import com.fincafacil.flags.client.FlagContext;
import com.fincafacil.flags.client.FlagsClient;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;

/**
 * Which modules a finca has, as decided by flags-service (or, when it is away, by the last
 * known answers and then the flag file's defaults). A module that is off is a 403 with the reason.
 */
@ApplicationScoped
public class ModuleService {

    public static final String DATA_QUALITY = "FASE_8_DATA_QUALITY";
    public static final String BI_ANALYTICS = "FASE_37_BI_ANALYTICS";
    /** The farm app's version, which module flags with a version_minima compare against. */
    public static final String APP_VERSION = "X-App-Version";

    private final FlagsClient flags;
    private final BuildInfo build;

    public ModuleService(FlagsClient flags, BuildInfo build) {
        this.flags = flags;
        this.build = build;
    }

    /** The app version the farm app reports, else this build's own version. */
    public FlagContext context(FincaEntity finca, String appVersion) {
        if (appVersion == null || appVersion.isBlank()) {
            return new FlagContext(finca.id.toString(), finca.deploymentLevel, build.version());
        }
        String version = SemVer.parse(appVersion.trim()).map(SemVer::toString).orElseThrow(() ->
                Refusal.invalid(APP_VERSION, "invalid_app_version"));
        return new FlagContext(finca.id.toString(), finca.deploymentLevel, version);
    }

    public Map<String, FlagAnswer> all(FincaEntity finca, String appVersion) {
        return flags.evaluateAll(context(finca, appVersion));
    }

    public FlagAnswer require(FincaEntity finca, String appVersion, String module) {
        FlagAnswer answer = flags.evaluate(module, context(finca, appVersion));
        if (!answer.enabled()) {
            throw Refusal.forbidden("module_disabled", "module", module, "why", answer.detail(), "reason", answer.reason(),
                    "rule", answer.rule(), "source", answer.source());
        }
        return answer;
    }
}
