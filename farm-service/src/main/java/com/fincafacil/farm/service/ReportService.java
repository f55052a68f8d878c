package com.fincafacil.farm.service;

import com.fincafacil.farm.domain.DateRules;
import com.fincafacil.farm.domain.PriceCop;
import com.fincafacil.farm.domain.bi.HerdKpis;
import com.fincafacil.farm.domain.bi.SaleRecord;
import com.fincafacil.farm.domain.quality.DataQualityReport;
import com.fincafacil.farm.domain.quality.DataQualityRules;
import com.fincafacil.farm.repository.AnimalEventRepository;
import com.fincafacil.farm.repository.FincaEntity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Clock;

/** The two flag-gated modules: data quality (FASE_8) and herd KPIs (FASE_37). */
@ApplicationScoped
public class ReportService {

    private final ModuleService modules;
    private final HerdSnapshots herd;
    private final AnimalEventRepository events;
    private final Clock clock = Clock.systemUTC();

    public ReportService(ModuleService modules, HerdSnapshots herd, AnimalEventRepository events) {
        this.modules = modules;
        this.herd = herd;
        this.events = events;
    }

    @Transactional
    public DataQualityReport dataQuality(FincaEntity finca, String appVersion) {
        modules.require(finca, appVersion, ModuleService.DATA_QUALITY);
        return DataQualityReport.run(herd.of(finca.id), DateRules.today(clock), DataQualityRules.all());
    }

    @Transactional
    public HerdKpis kpis(FincaEntity finca, String appVersion) {
        modules.require(finca, appVersion, ModuleService.BI_ANALYTICS);
        var births = events.birthsOfFinca(finca.id).stream().map(b -> b.bornOn).toList();
        var sales = events.salesOfFinca(finca.id).stream().map(s -> new SaleRecord(s.soldOn, PriceCop.of(s.priceCop))).toList();
        return HerdKpis.compute(herd.of(finca.id), births, sales, DateRules.today(clock));
    }
}
